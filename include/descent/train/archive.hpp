// descent/train/archive.hpp: the archives that save and restore optimizer and method state.
//
// An optimizer's or method's `template <class Archive> void serialize(Archive& ar)` calls
// `ar("name", value)` for every piece of state; the same function writes (checkpoint_writer)
// and reads (checkpoint_reader), like cereal.  `Archive::is_loading` tells which, for the
// rare state that needs to know.  Values: double, float, any integer type (stored as a
// signed or unsigned 64-bit integer, range-checked on reading), bool, and std::vector of
// those.  Fields are read back in the order they were written, each checked by name and
// type, so a checkpoint restored into a differently built optimizer fails with the file and
// the field named instead of silently loading garbage.
//
// Format (text, so a checkpoint can be read with `less`): a header line, then one line per
// field, `name type value...`, where floating-point numbers are hexadecimal (std::to_chars
// in chars_format::hex): every bit round-trips.  The last line is `end`, so a truncated
// file is detected.
#ifndef DESCENT_TRAIN_ARCHIVE_HPP
#define DESCENT_TRAIN_ARCHIVE_HPP

#include <charconv>
#include <concepts>
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

namespace descent {

namespace train_detail {

inline constexpr std::string_view checkpoint_magic = "descent-checkpoint 1";

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

}  // namespace train_detail

/// Writes fields into a string (save_checkpoint then writes it to disk atomically).
class checkpoint_writer {
 public:
  static constexpr bool is_loading = false;

  checkpoint_writer() {
    out_ += train_detail::checkpoint_magic;
    out_ += '\n';
  }

  template <train_detail::archive_scalar V>
  void operator()(std::string_view name, const V& v) {
    begin_field(name, train_detail::tag_of<V>());
    put(v);
    out_ += '\n';
  }

  template <train_detail::archive_scalar V, class A>
  void operator()(std::string_view name, const std::vector<V, A>& v) {
    std::string tag = "v";
    tag += train_detail::tag_of<V>();
    begin_field(name, tag);
    out_ += std::to_string(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      out_ += ' ';
      put(static_cast<V>(v[i]));
    }
    out_ += '\n';
  }

  /// The finished text (adds the `end` line).
  std::string finish() && {
    out_ += "end\n";
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
/// std::runtime_error naming the file, the field and what is wrong.  With `dry_run`, reads
/// and checks everything but assigns nothing (load_checkpoint validates the whole file this
/// way before it changes any state).
class checkpoint_reader {
 public:
  static constexpr bool is_loading = true;

  checkpoint_reader(std::string_view text, std::string file, bool dry_run = false)
      : text_(text), file_(std::move(file)), dry_(dry_run) {
    const std::string_view magic = train_detail::checkpoint_magic;
    if (text_.substr(0, magic.size()) != magic ||
        (text_.size() > magic.size() && text_[magic.size()] != '\n'))
      fail("it is not a descent checkpoint (the first line is not '" + std::string(magic) + "')");
    pos_ = magic.size();
  }

  template <train_detail::archive_scalar V>
  void operator()(std::string_view name, V& v) {
    expect_field(name, train_detail::tag_of<V>());
    V tmp = get<V>(name);
    end_line(name);
    if (!dry_) v = tmp;
  }

  template <train_detail::archive_scalar V, class A>
  void operator()(std::string_view name, std::vector<V, A>& v) {
    std::string tag = "v";
    tag += train_detail::tag_of<V>();
    expect_field(name, tag);
    const auto n = get<std::uint64_t>(name);
    if (n > text_.size())  // each value takes at least 2 characters: a corrupt count
      fail("field '" + std::string(name) + "' claims " + std::to_string(n) +
           " values, more than the file can hold (corrupt or truncated)");
    std::vector<V, A> tmp(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < tmp.size(); ++i) {
      if (at_line_end())
        fail("truncated: field '" + std::string(name) + "' has " + std::to_string(i) + " of its " +
             std::to_string(n) + " values");
      tmp[i] = get<V>(name);
    }
    end_line(name);
    if (!dry_) v = std::move(tmp);
  }

  /// After the last field: the file must end with the `end` line.
  void finish() {
    const auto word = next_word();
    if (word.empty()) fail("truncated: the final 'end' line is missing");
    if (word != "end")
      fail("it has a field '" + std::string(word) +
           "' that the program does not read (a checkpoint of a different optimizer or method?)");
    if (pos_ >= text_.size() || text_[pos_] != '\n')
      fail("truncated: the final 'end' line is incomplete");
    if (pos_ + 1 != text_.size()) fail("unexpected text after the final 'end' line");
  }

  const std::string& file() const noexcept { return file_; }
  /// Switch dry-run mode (reads that check but do not assign) on or off.
  void dry_run(bool on) noexcept { dry_ = on; }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("descent::load_checkpoint: '" + file_ + "': " + what);
  }

  bool at_line_end() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    return pos_ >= text_.size() || text_[pos_] == '\n';
  }

  std::string_view next_word() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n')) ++pos_;
    const auto b = pos_;
    while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '\n') ++pos_;
    return text_.substr(b, pos_ - b);
  }

  void expect_field(std::string_view name, std::string_view tag) {
    const auto found = next_word();
    if (found.empty())
      fail("truncated: the file ends where field '" + std::string(name) + "' was expected");
    if (found == "end")
      fail("field '" + std::string(name) +
           "' is missing (the file has fewer fields: a checkpoint of a different optimizer or "
           "method?)");
    if (found != name)
      fail("expected field '" + std::string(name) + "' but found '" + std::string(found) +
           "' (a checkpoint of a different optimizer or method?)");
    if (at_line_end())
      fail("truncated: field '" + std::string(name) + "' has no type and value");
    const auto t = next_word();
    if (t != tag)
      fail("field '" + std::string(name) + "' holds a " + std::string(train_detail::tag_name(t)) +
           " but the program reads a " + std::string(train_detail::tag_name(tag)));
  }

  void end_line(std::string_view name) {
    if (!at_line_end())
      fail("field '" + std::string(name) + "' has more values than expected");
    if (pos_ >= text_.size())
      fail("truncated: the file ends inside field '" + std::string(name) + "'");
    ++pos_;  // the newline
  }

  template <class V>
  V get(std::string_view name) {
    if (at_line_end())
      fail("truncated: field '" + std::string(name) + "' has no value");
    const auto w = next_word();
    const char* b = w.data();
    const char* e = w.data() + w.size();
    std::from_chars_result r{};
    V v{};
    if constexpr (std::same_as<V, bool>) {
      if (w != "0" && w != "1") bad_value(name, w);
      return w == "1";
    } else if constexpr (std::floating_point<V>) {
      r = std::from_chars(b, e, v, std::chars_format::hex);
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

  [[noreturn]] void bad_value(std::string_view name, std::string_view w) const {
    fail("field '" + std::string(name) + "' has an unreadable value '" + std::string(w) + "'");
  }

  std::string_view text_;
  std::string file_;
  bool dry_;
  std::size_t pos_ = 0;
};

}  // namespace descent

#endif  // DESCENT_TRAIN_ARCHIVE_HPP
