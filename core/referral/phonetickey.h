#pragma once

#include <QString>

namespace FrontDoor {

// A sound-alike key for one name word, for the known-child check: names that are said alike on the phone get the
// same key — Mohammed/Muhammad/Mohamed, Catherine/Kathryn/Katherine, Stephen/Steven, Philip/Filip, Zoe/Zoë,
// Smith/Smyth, Leigh/Lee, Aisha/Ayesha. A simplified Metaphone: consonant sounds in order, vowels dropped except a
// leading one (as "A"), doubled sounds collapsed. Computed in C++ so that every database dialect matches alike.
// Returns an empty key for a word with no letters.
QString phoneticKey(const QString &word);

} // namespace FrontDoor
