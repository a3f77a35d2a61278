#include "extract/encoding_labels.h"

#include <string>

namespace revwatch {
namespace {

// A subset of the WHATWG Encoding Standard's label table: the encodings news
// sites actually declare. Labels are compared lower-cased and trimmed.
struct Label {
  std::string_view label;
  TextEncoding encoding;
};
constexpr Label kLabels[] = {
    {"utf-8", kUtf8},
    {"utf8", kUtf8},
    {"unicode-1-1-utf-8", kUtf8},
    {"utf-16", kUtf16Le},
    {"utf-16le", kUtf16Le},
    {"utf-16be", kUtf16Be},
    {"windows-1252", kWindows1252},
    {"cp1252", kWindows1252},
    {"x-cp1252", kWindows1252},
    {"latin1", kWindows1252},
    {"l1", kWindows1252},
    {"iso-8859-1", kWindows1252},
    {"iso8859-1", kWindows1252},
    {"iso88591", kWindows1252},
    {"iso_8859-1", kWindows1252},
    {"iso-ir-100", kWindows1252},
    {"ascii", kWindows1252},
    {"us-ascii", kWindows1252},
    {"ansi_x3.4-1968", kWindows1252},
    {"cp819", kWindows1252},
    {"ibm819", kWindows1252},
    {"windows-1250", {"windows-1250", "WINDOWS-1250"}},
    {"cp1250", {"windows-1250", "WINDOWS-1250"}},
    {"windows-1251", {"windows-1251", "WINDOWS-1251"}},
    {"cp1251", {"windows-1251", "WINDOWS-1251"}},
    {"x-cp1251", {"windows-1251", "WINDOWS-1251"}},
    {"windows-1253", {"windows-1253", "WINDOWS-1253"}},
    {"windows-1254", {"windows-1254", "WINDOWS-1254"}},
    {"iso-8859-9", {"windows-1254", "WINDOWS-1254"}},
    {"latin5", {"windows-1254", "WINDOWS-1254"}},
    {"windows-1257", {"windows-1257", "WINDOWS-1257"}},
    {"iso-8859-2", {"iso-8859-2", "ISO-8859-2"}},
    {"latin2", {"iso-8859-2", "ISO-8859-2"}},
    {"iso-8859-5", {"iso-8859-5", "ISO-8859-5"}},
    {"cyrillic", {"iso-8859-5", "ISO-8859-5"}},
    {"iso-8859-7", {"iso-8859-7", "ISO-8859-7"}},
    {"iso-8859-15", {"iso-8859-15", "ISO-8859-15"}},
    {"latin9", {"iso-8859-15", "ISO-8859-15"}},
    {"koi8-r", {"koi8-r", "KOI8-R"}},
    {"koi8_r", {"koi8-r", "KOI8-R"}},
    {"koi8", {"koi8-r", "KOI8-R"}},
    {"cskoi8r", {"koi8-r", "KOI8-R"}},
    {"koi8-u", {"koi8-u", "KOI8-U"}},
    {"koi8-ru", {"koi8-u", "KOI8-U"}},
    {"ibm866", {"ibm866", "IBM866"}},
    {"cp866", {"ibm866", "IBM866"}},
    {"866", {"ibm866", "IBM866"}},
    {"x-mac-cyrillic", {"x-mac-cyrillic", "MAC-CYRILLIC"}},
    {"gbk", {"gbk", "GBK"}},
    {"gb2312", {"gbk", "GBK"}},
    {"x-gbk", {"gbk", "GBK"}},
    {"gb18030", {"gb18030", "GB18030"}},
    {"big5", {"big5", "BIG5-HKSCS"}},
    {"big5-hkscs", {"big5", "BIG5-HKSCS"}},
    {"shift_jis", {"shift_jis", "CP932"}},
    {"sjis", {"shift_jis", "CP932"}},
    {"ms932", {"shift_jis", "CP932"}},
    {"windows-31j", {"shift_jis", "CP932"}},
    {"euc-jp", {"euc-jp", "EUC-JP"}},
    {"iso-2022-jp", {"iso-2022-jp", "ISO-2022-JP"}},
    {"euc-kr", {"euc-kr", "CP949"}},
    {"windows-949", {"euc-kr", "CP949"}},
    {"ks_c_5601-1987", {"euc-kr", "CP949"}},
};

}  // namespace

std::optional<TextEncoding> LookUpEncodingLabel(std::string_view label) {
  std::string key;
  for (char c : label) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  for (const Label& entry : kLabels) {
    if (entry.label == key) return entry.encoding;
  }
  return std::nullopt;
}

}  // namespace revwatch
