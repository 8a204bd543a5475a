// The tests render on the main thread, whose fonts would live until the process exits.
// Their caches hold fontconfig patterns whose parts are referenced by offsets rather
// than pointers, which LeakSanitizer cannot follow: it would report them all as lost.
// Released after the last test, they are freed for real, and any leak left is one.
#include <gtest/gtest.h>

#include "atrium/documents/pdf_renderer.hpp"

namespace {

class ReleaseFontsAfterTheTests : public ::testing::Environment {
 public:
  void TearDown() override { atrium::documents::release_this_threads_fonts(); }
};

const ::testing::Environment* const kReleaseFonts = ::testing::AddGlobalTestEnvironment(new ReleaseFontsAfterTheTests);

}  // namespace
