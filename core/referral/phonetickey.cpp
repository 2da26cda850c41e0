#include "referral/phonetickey.h"

#include "referral/textfold.h"

namespace FrontDoor {

namespace {

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

} // namespace

QString phoneticKey(const QString &word)
{
    std::string s;
    for (const QChar c : foldForSearch(word))
        if (c >= u'a' && c <= u'z')
            s += char(c.unicode());
    if (s.empty())
        return {};

    // Silent first letters: Knight, Gnasher, Psyche, Wright; X at the start sounds as Z; Wh as W.
    for (const char *prefix : {"kn", "gn", "pn", "wr", "ps"})
        if (s.rfind(prefix, 0) == 0) {
            s.erase(0, 1);
            break;
        }
    if (s[0] == 'x')
        s[0] = 's';
    if (s.rfind("wh", 0) == 0)
        s.erase(1, 1);

    const auto at = [&s](size_t i) { return i < s.size() ? s[i] : '\0'; };
    std::string key;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char next = at(i + 1);
        const char prev = i > 0 ? s[i - 1] : '\0';
        std::string code;
        if (isVowel(c)) {
            if (i == 0)
                code = "A";
        } else {
            switch (c) {
            case 'b':
                if (!(prev == 'm' && i + 1 == s.size())) // Lamb
                    code = "B";
                break;
            case 'c':
                if (next == 'h' && at(i + 2) == 'r') { code = "K"; ++i; }          // Christopher
                else if (next == 'h') { code = prev == 's' ? "K" : "X"; ++i; }     // Charlotte; Schofield
                else if (next == 'e' || next == 'i' || next == 'y') code = "S";   // Cecily, Lucy
                else if (next == 'k') { code = "K"; ++i; }                        // Jackson
                else code = "K";
                break;
            case 'd':
                code = (next == 'g' && (at(i + 2) == 'e' || at(i + 2) == 'i' || at(i + 2) == 'y')) ? "J" : "T";
                break;
            case 'g':
                if (next == 'h' && i > 0 && !isVowel(at(i + 2))) { ++i; }          // Leigh, Hugh
                else if (next == 'n' && i + 2 == s.size()) {}                       // Reign
                else if (next == 'e' || next == 'i' || next == 'y') code = "J";
                else code = "K";
                break;
            case 'h':
                // Heard only at the start or between vowels: Mohammed, Hannah — not Sarah, John.
                if ((i == 0 || isVowel(prev)) && isVowel(next))
                    code = "H";
                break;
            case 'p':
                if (next == 'h') { code = "F"; ++i; }
                else if (prev == 'm' && next == 's') {}                             // Thompson
                else code = "P";
                break;
            case 'q': code = "K"; break;
            case 's':
                if (next == 'h') { code = "X"; ++i; }
                else if (next == 'i' && (at(i + 2) == 'o' || at(i + 2) == 'a')) code = "X";
                else code = "S";
                break;
            case 't':
                if (next == 'h') { code = "0"; ++i; }
                else if (next == 'i' && (at(i + 2) == 'o' || at(i + 2) == 'a')) code = "X";
                else if (next == 'c' && at(i + 2) == 'h') {}                        // Mitchell
                else code = "T";
                break;
            case 'v': code = "F"; break;
            case 'w': if (isVowel(next)) code = "W"; break;
            case 'x': code = "KS"; break;
            case 'y': if (isVowel(next) && !isVowel(prev) && i == 0) code = "Y"; break; // Yusuf; Ayesha, Kathryn
            case 'z': code = "S"; break;
            default: code = std::string(1, char(c - 'a' + 'A')); break;
            }
        }
        for (const char k : code)
            if (key.empty() || key.back() != k)
                key += k;
    }
    return QString::fromLatin1(key.data(), qsizetype(key.size()));
}

} // namespace FrontDoor
