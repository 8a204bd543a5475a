#pragma once
// Memory that fontconfig and cairo allocate within a scope and never free, on purpose or
// by a bug of the version Debian 12 ships, is not reported by LeakSanitizer. Everything
// else (a pango layout or cairo context the renderer forgets) still is. Only the calling
// thread is affected, and builds without AddressSanitizer compile this to nothing.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace atrium::documents {

class LibraryLeakExemption {
 public:
#if defined(__SANITIZE_ADDRESS__)
  LibraryLeakExemption() {
    __lsan_disable();
  }
  ~LibraryLeakExemption() {
    __lsan_enable();
  }
#else
  LibraryLeakExemption() = default;
#endif
  LibraryLeakExemption(const LibraryLeakExemption&) = delete;
  LibraryLeakExemption& operator=(const LibraryLeakExemption&) = delete;
};

}  // namespace atrium::documents
