#pragma once
// People's names the demo data draws from, for users and contacts alike.
#include <array>
#include <string_view>

namespace atrium::app {

inline constexpr std::array<std::string_view, 16> kDemoFirstNames{
    "Amira", "Bruno", "Chen", "Dalia", "Emil", "Farah", "Goran", "Hana",
    "Ivan",  "Jana",  "Kofi", "Lena",  "Mateo", "Nadia", "Omar", "Priya"};
inline constexpr std::array<std::string_view, 16> kDemoLastNames{
    "Andersen", "Baker",  "Costa",    "Dubois",    "Eriksen", "Fischer", "García", "Horvat",
    "Ito",      "Jensen", "Kowalski", "Lindqvist", "Moreau",  "Novak",   "Okafor", "Petrov"};

}  // namespace atrium::app
