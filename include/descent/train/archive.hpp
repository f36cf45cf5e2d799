// descent/train/archive.hpp: the archives that save and restore optimizer and method state.
//
// An optimizer's or method's `template <class Archive> void serialize(Archive& ar)` calls
// `ar("name", value)` for every piece of state; the same function writes (checkpoint_writer)
// and reads (checkpoint_reader), like cereal.  `Archive::is_loading` tells which, for the
// rare state that needs to know.  Values: double, float, any integer type (stored as a
// signed or unsigned 64-bit integer, range-checked on reading), bool, and std::vector of
// those.  Fields are read back in the order they were written, each checked by name and
// type, so a checkpoint restored into a differently built optimizer fails with the file,
// the line and the field named instead of silently loading garbage.
//
// Format 2 (text, so a checkpoint can be read with `less`): the line `descent-checkpoint 2`,
// then one line per field, `name type value...`, then `end crc32 XXXXXXXX`: the CRC-32
// (boost::crc_32_type) of every byte before that line, written last.
// - Floating-point numbers are written in hexadecimal (std::to_chars, chars_format::hex,
//   always with a `p` exponent): every bit round-trips.  A value without a `p` (one edited
//   in by hand, `0.5`, `1e-3`) is read as a decimal number, correctly rounded; it is never
//   taken for hexadecimal.  Anything else is an error naming the file, line and field.
// - A checksum that does not match is an error ("the file is corrupted"), checked before
//   any field is read.  A file edited on purpose loads once its last line is a plain `end`
//   (the checksum removed): truncation cannot produce that line, since `end\n` is no prefix
//   of `end crc32 ...`.
// - Format 1 files (descent before the checksum: header `descent-checkpoint 1`, last line
//   `end`) still load, unchecked.
// - A file cut anywhere (a crash while copying it, a full disk) is reported as truncated,
//   with the field it ends in.
// - What is loaded is checked: parameter-sized state (every vector field) and the
//   parameters hold finite numbers only, and the state of chain blocks that holds
//   magnitudes (second moments `exp_avg_sq`, `max_exp_avg_sq`, `square_avg`, adagrad's
//   `sum`, `acc_delta`, `exp_inf`, rprop's `step_size`) is not negative.  Scalar fields may
//   be NaN or infinite (schedules use them as "not set yet").
#ifndef DESCENT_TRAIN_ARCHIVE_HPP
#define DESCENT_TRAIN_ARCHIVE_HPP

#include <charconv>
#include <concepts>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/crc.hpp>

namespace descent {

namespace detail {

inline constexpr std::string_view checkpoint_magic = "descent-checkpoint 2";
inline constexpr std::string_view checkpoint_magic_v1 = "descent-checkpoint 1";
inline constexpr std::string_view checksum_prefix = "end crc32 ";

inline std::uint32_t crc32_of(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

inline std::string hex8(std::uint32_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i, v >>= 4) buf[i] = "0123456789abcdef"[v & 15u];
  return std::string(buf, 8);
}

/// State of chain blocks (field `<block index>.<name>`, maybe prefixed) that holds
/// magnitudes and so cannot be negative.
inline bool nonnegative_state_field(std::string_view field) {
  const auto dot = field.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view last = field.substr(dot + 1);
  const auto before = field.substr(0, dot);
  const auto prev_dot = before.rfind('.');
  const std::string_view block = prev_dot == std::string_view::npos ? before : before.substr(prev_dot + 1);
  if (block.empty() || block.find_first_not_of("0123456789") != std::string_view::npos) return false;
  for (std::string_view n : {"exp_avg_sq", "max_exp_avg_sq", "square_avg", "sum", "acc_delta",
                             "exp_inf", "step_size"})
    if (last == n) return true;
  return false;
}

template <class V>
concept archive_scalar = std::same_as<V, double> || std::same_as<V, float> ||
                         std::same_as<V, bool> || std::integral<V>;

/// The type tag written in the file.
template <class V>
constexpr std::string_view tag_of() {
  if constexpr (std::same_as<V, double>) return "f64";
  else if constexpr (std::same_as<V, float>) return "f32";
  else if constexpr (std::same_as<V, bool>) return "bool";
  else if constexpr (std::signed_integral<V>) return "i64";
  else return "u64";
}

/// What a tag means, for messages.
inline std::string_view tag_name(std::string_view tag) {
  if (tag == "f64") return "double";
  if (tag == "f32") return "float";
  if (tag == "bool") return "bool";
  if (tag == "i64") return "signed integer";
  if (tag == "u64") return "unsigned integer";
  if (tag == "vf64") return "vector<double>";
  if (tag == "vf32") return "vector<float>";
  if (tag == "vbool") return "vector<bool>";
  if (tag == "vi64") return "vector<signed integer>";
  if (tag == "vu64") return "vector<unsigned integer>";
  return tag;
}

}  // namespace detail

/// Writes fields into a string (save_checkpoint then writes it to disk atomically).
class checkpoint_writer {
 public:
  static constexpr bool is_loading = false;

  checkpoint_writer() {
    out_ += detail::checkpoint_magic;
    out_ += '\n';
  }

  template <detail::archive_scalar V>
  void operator()(std::string_view name, const V& v) {
    begin_field(name, detail::tag_of<V>());
    put(v);
    out_ += '\n';
  }

  template <detail::archive_scalar V, class A>
  void operator()(std::string_view name, const std::vector<V, A>& v) {
    std::string tag = "v";
    tag += detail::tag_of<V>();
    begin_field(name, tag);
    out_ += std::to_string(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      out_ += ' ';
      put(static_cast<V>(v[i]));
    }
    out_ += '\n';
  }

  /// The finished text (adds the `end crc32 XXXXXXXX` line: the checksum of all before it).
  std::string finish() && {
    const std::uint32_t crc = detail::crc32_of(out_);
    out_ += detail::checksum_prefix;
    out_ += detail::hex8(crc);
    out_ += '\n';
    return std::move(out_);
  }

 private:
  void begin_field(std::string_view name, std::string_view tag) {
    if (name.empty() || name.find_first_of(" \t\r\n") != std::string_view::npos || name == "end")
      throw std::invalid_argument("descent::checkpoint_writer: field name '" + std::string(name) +
                                  "' must be non-empty, without blanks, and not 'end'");
    out_ += name;
    out_ += ' ';
    out_ += tag;
    out_ += ' ';
  }

  template <class V>
  void put(V v) {
    char buf[64];
    std::to_chars_result r{};
    if constexpr (std::same_as<V, bool>) {
      out_ += v ? '1' : '0';
      return;
    } else if constexpr (std::floating_point<V>) {
      r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex);
    } else if constexpr (std::signed_integral<V>) {
      r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
    } else {
      r = std::to_chars(buf, buf + sizeof buf, static_cast<std::uint64_t>(v));
    }
    out_.append(buf, r.ptr);
  }

  std::string out_;
};

/// Reads fields back, in order, checking each field's name and type.  Errors throw
/// std::runtime_error naming the file, the line, the field and what is wrong.  With
/// `dry_run`, reads and checks everything but assigns nothing (load_checkpoint validates the
/// whole file this way before it changes any state).
class checkpoint_reader {
 public:
  static constexpr bool is_loading = true;

  checkpoint_reader(std::string_view text, std::string file, bool dry_run = false)
      : text_(text), file_(std::move(file)), dry_(dry_run) {
    const auto nl = text_.find('\n');
    const std::string_view first = text_.substr(0, nl);
    if (text_.empty()) {
      fail("the file is empty (truncated to nothing, or not a descent checkpoint)");
    } else if (first == detail::checkpoint_magic) {
      version_ = 2;
    } else if (first == detail::checkpoint_magic_v1) {
      version_ = 1;
    } else if (nl == std::string_view::npos &&
               (detail::checkpoint_magic.starts_with(first) ||
                detail::checkpoint_magic_v1.starts_with(first))) {
      fail("truncated: the file ends inside its first line");
    } else if (first.starts_with("descent-checkpoint ")) {
      fail("it is a descent checkpoint of format '" + std::string(first.substr(19)) +
           "', which this version of descent does not read (it reads formats 1 and 2)");
    } else {
      fail("it is not a descent checkpoint (the first line is not '" +
           std::string(detail::checkpoint_magic) + "')");
    }
    pos_ = first.size();
    verify_checksum();
  }

  template <detail::archive_scalar V>
  void operator()(std::string_view name, V& v) {
    expect_field(name, detail::tag_of<V>());
    V tmp = get<V>(name);
    if constexpr (std::floating_point<V>) check_scalar(name, tmp);
    end_line(name);
    if (!dry_) v = tmp;
  }

  template <detail::archive_scalar V, class A>
  void operator()(std::string_view name, std::vector<V, A>& v) {
    std::string tag = "v";
    tag += detail::tag_of<V>();
    expect_field(name, tag);
    const auto n = get<std::uint64_t>(name);
    if (n > text_.size())  // each value takes at least 2 characters: a corrupt count
      fail("field '" + std::string(name) + "' claims " + std::to_string(n) +
           " values, more than the file can hold (corrupt or truncated)");
    std::vector<V, A> tmp(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < tmp.size(); ++i) {
      if (at_line_end())
        fail(pos_ >= text_.size()
                 ? "truncated: the file ends inside field '" + std::string(name) + "' after " +
                       std::to_string(i) + " of its " + std::to_string(n) + " values"
                 : "field '" + std::string(name) + "' has " + std::to_string(i) + " of its " +
                       std::to_string(n) + " values");
      const V x = get<V>(name);
      if constexpr (std::floating_point<V>) check_element(name, i, x);
      tmp[i] = x;
    }
    end_line(name);
    if (!dry_) v = std::move(tmp);
  }

  /// After the last field: the file must end with the `end` line.
  void finish() {
    const auto word = next_word("the final 'end' line");
    if (word.empty()) fail("truncated: the final 'end' line is missing");
    if (word != "end")
      fail("it has a field '" + std::string(word) +
           "' that the program does not read (a checkpoint of a different optimizer or method?)");
    if (pos_ < text_.size() && text_[pos_] == ' ') {  // `end crc32 XXXXXXXX`
      const auto rest_end = text_.find('\n', pos_);
      if (rest_end == std::string_view::npos) fail("truncated: the final 'end' line is incomplete");
      if (!checksummed_) fail("the final 'end' line has unexpected text after 'end'");
      pos_ = rest_end;
    }
    if (pos_ >= text_.size() || text_[pos_] != '\n')
      fail("truncated: the final 'end' line is incomplete");
    if (pos_ + 1 != text_.size()) {
      ++pos_;
      ++line_;
      fail("unexpected text after the final 'end' line");
    }
  }

  const std::string& file() const noexcept { return file_; }
  /// Switch dry-run mode (reads that check but do not assign) on or off.
  void dry_run(bool on) noexcept { dry_ = on; }
  /// The format version of the file (1: before checksums, 2: with a checksum).
  int version() const noexcept { return version_; }
  /// Whether the file carried a checksum (verified when the reader was built).
  bool checksummed() const noexcept { return checksummed_; }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("descent::load_checkpoint: '" + file_ + "', line " +
                             std::to_string(line_) + ": " + what);
  }
  [[noreturn]] void fail_file(const std::string& what) const {
    throw std::runtime_error("descent::load_checkpoint: '" + file_ + "': " + what);
  }

  // A complete `end crc32 XXXXXXXX` last line: the checksum must match.  Anything else is
  // left to the field-by-field reading, which reports truncation where it happens (a format
  // 2 file whose last line is a plain `end` was unsealed by hand and is read unchecked).
  void verify_checksum() {
    if (text_.empty() || text_.back() != '\n') return;
    const auto prev = text_.rfind('\n', text_.size() - 2);
    if (prev == std::string_view::npos) return;
    const std::string_view last = text_.substr(prev + 1, text_.size() - prev - 2);
    const std::string_view prefix = detail::checksum_prefix;
    if (!last.starts_with(prefix)) return;
    const std::string_view digits = last.substr(prefix.size());
    std::uint32_t stored = 0;
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), stored, 16);
    if (digits.size() != 8 || r.ec != std::errc() || r.ptr != digits.data() + digits.size())
      fail_file("the checksum on its last line, '" + std::string(digits) +
                "', is not 8 hexadecimal digits: the file is corrupted");
    const std::uint32_t computed = detail::crc32_of(text_.substr(0, prev + 1));
    if (computed != stored)
      fail_file("checksum mismatch: the file is corrupted (its last line says crc32 " +
                std::string(digits) + ", the content has crc32 " + detail::hex8(computed) +
                "); a file edited on purpose loads once its last line is a plain 'end'");
    checksummed_ = true;
  }

  bool at_line_end() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    return pos_ >= text_.size() || text_[pos_] == '\n';
  }

  // The next word; one that runs into the end of the file is cut (every line of a
  // checkpoint ends with a newline): "truncated: the file ends inside <inside>".
  std::string_view next_word(std::string_view inside) {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n')) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
    const auto b = pos_;
    while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '\n') ++pos_;
    if (pos_ >= text_.size() && pos_ > b)
      fail("truncated: the file ends inside " + std::string(inside));
    return text_.substr(b, pos_ - b);
  }

  void expect_field(std::string_view name, std::string_view tag) {
    const std::string field = "field '" + std::string(name) + "'";
    const auto found = next_word(field);
    if (found.empty())
      fail("truncated: the file ends where field '" + std::string(name) + "' was expected");
    if (found == "end")
      fail("field '" + std::string(name) +
           "' is missing (the file has fewer fields: a checkpoint of a different optimizer or "
           "method?)");
    if (found != name)
      fail("expected field '" + std::string(name) + "' but found '" + std::string(found) +
           "' (a checkpoint of a different optimizer or method?)");
    if (at_line_end()) {
      if (pos_ >= text_.size()) fail("truncated: the file ends inside " + field);
      fail(field + " has no type and value");
    }
    const auto t = next_word(field);
    if (t != tag)
      fail("field '" + std::string(name) + "' holds a " + std::string(detail::tag_name(t)) +
           " but the program reads a " + std::string(detail::tag_name(tag)));
  }

  void end_line(std::string_view name) {
    if (!at_line_end())
      fail("field '" + std::string(name) + "' has more values than expected");
    if (pos_ >= text_.size())
      fail("truncated: the file ends inside field '" + std::string(name) + "'");
    ++pos_;  // the newline
    ++line_;
  }

  template <class V>
  V get(std::string_view name) {
    if (at_line_end()) {
      if (pos_ >= text_.size()) fail("truncated: the file ends inside field '" + std::string(name) + "'");
      fail("field '" + std::string(name) + "' has no value");
    }
    const auto w = next_word("field '" + std::string(name) + "'");
    const char* b = w.data();
    const char* e = w.data() + w.size();
    std::from_chars_result r{};
    V v{};
    if constexpr (std::same_as<V, bool>) {
      if (w != "0" && w != "1") bad_value(name, w);
      return w == "1";
    } else if constexpr (std::floating_point<V>) {
      // Written values are hexadecimal and always carry a 'p' exponent; a value without
      // one was edited in by hand and is decimal (never read as hex: "0.5" is 0.5).
      const bool hex = w.find_first_of("pP") != std::string_view::npos;
      if (!hex && w.find_first_of("xX") != std::string_view::npos)
        fail("field '" + std::string(name) + "' has an unreadable value '" + std::string(w) +
             "' (write decimal numbers such as 0.5 or 1e-3, or descent's hexadecimal form such "
             "as 1p-1, without 0x)");
      r = std::from_chars(b, e, v, hex ? std::chars_format::hex : std::chars_format::general);
      if (r.ec == std::errc::result_out_of_range && r.ptr == e)
        fail("field '" + std::string(name) + "' value '" + std::string(w) +
             "' is out of the range of the program's floating-point type");
    } else if constexpr (std::signed_integral<V>) {
      std::int64_t wide = 0;
      r = std::from_chars(b, e, wide);
      if constexpr (sizeof(V) < sizeof(std::int64_t)) {
        if (r.ec == std::errc() && (wide < std::numeric_limits<V>::min() ||
                                    wide > std::numeric_limits<V>::max()))
          fail("field '" + std::string(name) + "' value " + std::string(w) +
               " does not fit the program's integer type");
      }
      v = static_cast<V>(wide);
    } else {
      std::uint64_t wide = 0;
      r = std::from_chars(b, e, wide);
      if constexpr (sizeof(V) < sizeof(std::uint64_t)) {
        if (r.ec == std::errc() && wide > std::numeric_limits<V>::max())
          fail("field '" + std::string(name) + "' value " + std::string(w) +
               " does not fit the program's integer type");
      }
      v = static_cast<V>(wide);
    }
    if (r.ec != std::errc() || r.ptr != e) bad_value(name, w);
    return v;
  }

  template <class V>
  void check_scalar(std::string_view name, V x) const {
    if (detail::nonnegative_state_field(name) && x < 0)
      fail("field '" + std::string(name) + "' is " + describe(x) +
           ", but it holds magnitudes (a second moment or a step size) and cannot be negative");
  }

  template <class V>
  void check_element(std::string_view name, std::size_t i, V x) const {
    if (!std::isfinite(x))
      fail("field '" + std::string(name) + "' value " + std::to_string(i) + " is " + describe(x) +
           ": parameters and parameter-sized state must be finite (saved from a run that had "
           "diverged, or corrupted)");
    if (detail::nonnegative_state_field(name) && x < 0)
      fail("field '" + std::string(name) + "' value " + std::to_string(i) + " is " + describe(x) +
           ", but it holds magnitudes (a second moment or a step size) and cannot be negative");
  }

  template <class V>
  static std::string describe(V x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "+inf" : "-inf";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
  }

  [[noreturn]] void bad_value(std::string_view name, std::string_view w) const {
    fail("field '" + std::string(name) + "' has an unreadable value '" + std::string(w) + "'");
  }

  std::string_view text_;
  std::string file_;
  bool dry_;
  int version_ = 2;
  bool checksummed_ = false;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace descent

#endif  // DESCENT_TRAIN_ARCHIVE_HPP
