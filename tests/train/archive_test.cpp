// The checkpoint archives: exact round trip of every supported type, readable errors with
// file, line and field, decimal values, the checksum, truncation, validation of loaded state.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/crc.hpp>

#include <descent/train/archive.hpp>

namespace {

template <class F>
bool same_bits(F a, F b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

std::string error_of(const std::string& text) {
  try {
    descent::checkpoint_reader r(text, "state.ckpt");
    double d = 0;
    std::vector<float> v;
    std::int64_t i = 0;
    r("d", d);
    r("v", v);
    r("i", i);
    r.finish();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

// The text with its checksum line replaced by a plain `end`: how a file edited on purpose
// is loaded (tests that edit a file use it to reach the checks behind the checksum).
std::string unsealed(std::string text) {
  const auto last = text.rfind('\n', text.size() - 2);
  return text.substr(0, last + 1) + "end\n";
}

std::string good_text() {
  descent::checkpoint_writer w;
  w("d", 1.5);
  w("v", std::vector<float>{1.0f, 2.0f});
  w("i", std::int64_t{3});
  return std::move(w).finish();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(train_archive)

BOOST_AUTO_TEST_CASE(round_trip_is_exact) {
  const std::vector<double> doubles{0.1,
                                    -0.0,
                                    1e-310,  // subnormal
                                    std::numeric_limits<double>::max(),
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(),
                                    1.0 / 3.0};
  const std::vector<float> floats{0.1f, -0.0f, 1e-40f, 3.4e38f};
  descent::checkpoint_writer w;
  for (std::size_t i = 0; i < doubles.size(); ++i) w("d" + std::to_string(i), doubles[i]);
  w("nan", std::numeric_limits<double>::quiet_NaN());
  w("floats", floats);
  w("empty", std::vector<double>{});
  w("i64", std::int64_t{-9'000'000'000'000'000'000});
  w("u64", std::uint64_t{18'000'000'000'000'000'000u});
  w("int", -7);
  w("flag", true);
  w("flags", std::vector<bool>{true, false, true});
  const std::string text = std::move(w).finish();

  descent::checkpoint_reader r(text, "mem");
  for (std::size_t i = 0; i < doubles.size(); ++i) {
    double d = 0;
    r("d" + std::to_string(i), d);
    BOOST_TEST(same_bits(d, doubles[i]), "double " << i);
  }
  double n = 0;
  r("nan", n);
  BOOST_TEST(std::isnan(n));
  std::vector<float> fl{9.0f};  // resized to the stored size
  r("floats", fl);
  BOOST_TEST(fl.size() == floats.size());
  for (std::size_t i = 0; i < floats.size(); ++i) BOOST_TEST(same_bits(fl[i], floats[i]));
  std::vector<double> e{1.0, 2.0};
  r("empty", e);
  BOOST_TEST(e.empty());
  std::int64_t i64 = 0;
  std::uint64_t u64 = 0;
  int k = 0;
  bool flag = false;
  std::vector<bool> flags;
  r("i64", i64);
  r("u64", u64);
  r("int", k);
  r("flag", flag);
  r("flags", flags);
  r.finish();
  BOOST_TEST(i64 == -9'000'000'000'000'000'000);
  BOOST_TEST(u64 == 18'000'000'000'000'000'000u);
  BOOST_TEST(k == -7);
  BOOST_TEST(flag);
  BOOST_TEST((flags == std::vector<bool>{true, false, true}));
}

BOOST_AUTO_TEST_CASE(errors_name_the_file_and_the_field) {
  const std::string good = good_text();
  BOOST_TEST(error_of(good) == "(no error)");
  BOOST_TEST(error_of(unsealed(good)) == "(no error)");

  BOOST_TEST(error_of("hello\n") ==
             "descent::load_checkpoint: 'state.ckpt', line 1: it is not a descent checkpoint (the "
             "first line is not 'descent-checkpoint 2')");
  std::string renamed = unsealed(good);
  renamed.replace(renamed.find("\nv "), 3, "\nw ");
  BOOST_TEST(error_of(renamed) ==
             "descent::load_checkpoint: 'state.ckpt', line 3: expected field 'v' but found 'w' (a "
             "checkpoint of a different optimizer or method?)");
  std::string retyped = unsealed(good);
  retyped.replace(retyped.find(" vf32 "), 6, " vf64 ");
  BOOST_TEST(error_of(retyped) ==
             "descent::load_checkpoint: 'state.ckpt', line 3: field 'v' holds a vector<double> but "
             "the program reads a vector<float>");
  std::string extra = unsealed(good);
  extra.insert(extra.find("end\n"), "more f64 0p+0\n");
  BOOST_TEST(error_of(extra) ==
             "descent::load_checkpoint: 'state.ckpt', line 5: it has a field 'more' that the "
             "program does not read (a checkpoint of a different optimizer or method?)");
  std::string bad_value = unsealed(good);
  bad_value.replace(bad_value.find("i i64 3"), 7, "i i64 x");
  BOOST_TEST(error_of(bad_value) ==
             "descent::load_checkpoint: 'state.ckpt', line 4: field 'i' has an unreadable value 'x'");
  std::string short_vector = unsealed(good);
  short_vector.replace(short_vector.find(" 1p+1"), 5, "");
  BOOST_TEST(error_of(short_vector) ==
             "descent::load_checkpoint: 'state.ckpt', line 3: field 'v' has 1 of its 2 values");
  BOOST_TEST(error_of("descent-checkpoint 3\nd f64 1p+0\nend\n") ==
             "descent::load_checkpoint: 'state.ckpt', line 1: it is a descent checkpoint of format "
             "'3', which this version of descent does not read (it reads formats 1 and 2)");
}

BOOST_AUTO_TEST_CASE(every_truncation_is_reported_as_truncation) {
  const std::string good = good_text();
  for (std::size_t len = 0; len < good.size(); ++len) {
    const std::string msg = error_of(good.substr(0, len));
    BOOST_TEST(msg.find("descent::load_checkpoint: 'state.ckpt', line ") == 0u,
               "prefix of " << len << " bytes: " << msg);
    BOOST_TEST((msg.find(": truncated: ") != std::string::npos ||
                msg.find(": the file is empty") != std::string::npos),
               "prefix of " << len << " bytes: " << msg);
  }
  BOOST_TEST(error_of(good.substr(0, good.size() - 1)) ==
             "descent::load_checkpoint: 'state.ckpt', line 5: truncated: the final 'end' line is "
             "incomplete");
  // Inside the closing 'end' (it used to read as "a field 'en' that the program does not read").
  const auto end_at = good.rfind("\nend") + 1;
  BOOST_TEST(error_of(good.substr(0, end_at + 2)) ==
             "descent::load_checkpoint: 'state.ckpt', line 5: truncated: the file ends inside the "
             "final 'end' line");
  BOOST_TEST(error_of(good.substr(0, end_at)) ==
             "descent::load_checkpoint: 'state.ckpt', line 5: truncated: the final 'end' line is "
             "missing");
  BOOST_TEST(error_of(good.substr(0, good.find(" 1p+1") + 1)) ==
             "descent::load_checkpoint: 'state.ckpt', line 3: truncated: the file ends inside field "
             "'v' after 1 of its 2 values");
  BOOST_TEST(error_of(good.substr(0, good.find("i i64") + 1)) ==
             "descent::load_checkpoint: 'state.ckpt', line 4: truncated: the file ends inside field "
             "'i'");
  // A truncated file edited by hand (unsealed) is still reported as truncated.
  const std::string open = unsealed(good);
  BOOST_TEST(error_of(open.substr(0, open.size() - 2)) ==
             "descent::load_checkpoint: 'state.ckpt', line 5: truncated: the file ends inside the "
             "final 'end' line");
}

BOOST_AUTO_TEST_CASE(decimal_values_are_read_as_decimal_never_as_hex) {
  // A value edited in by hand: 0.5 used to load as 0.3125 (0x0.5).
  std::string text = unsealed(good_text());
  text.replace(text.find("d f64 1.8p+0"), 12, "d f64 0.5");
  text.replace(text.find(" 1p+0 1p+1"), 10, " 0.1 -2.5e-3");
  descent::checkpoint_reader r(text, "edited.ckpt");
  double d = 0;
  std::vector<float> v;
  std::int64_t i = 0;
  r("d", d);
  r("v", v);
  r("i", i);
  r.finish();
  BOOST_TEST(d == 0.5);
  BOOST_TEST_REQUIRE(v.size() == 2u);
  BOOST_TEST(v[0] == 0.1f);  // correctly rounded, as the compiler reads 0.1f
  BOOST_TEST(v[1] == -2.5e-3f);
  // Exactly the nearest double, also for long decimals and exponents.
  std::string exact = unsealed(good_text());
  exact.replace(exact.find("d f64 1.8p+0"), 12, "d f64 3.141592653589793238462643383279");
  descent::checkpoint_reader r2(exact, "edited.ckpt");
  r2("d", d);
  BOOST_TEST(same_bits(d, 3.141592653589793238462643383279));

  // Hex with a 0x prefix, or garbage, is rejected with file, line and field.
  std::string prefixed = unsealed(good_text());
  prefixed.replace(prefixed.find("d f64 1.8p+0"), 12, "d f64 0x1.8p+0");
  BOOST_TEST(error_of(prefixed) ==
             "descent::load_checkpoint: 'state.ckpt', line 2: field 'd' has an unreadable value "
             "'0x1.8p+0'");
  std::string hex_without_p = unsealed(good_text());
  hex_without_p.replace(hex_without_p.find("d f64 1.8p+0"), 12, "d f64 0x10");
  BOOST_TEST(error_of(hex_without_p).find("line 2: field 'd' has an unreadable value '0x10' (write "
                                          "decimal numbers such as 0.5") != std::string::npos,
             error_of(hex_without_p));
  std::string two_points = unsealed(good_text());
  two_points.replace(two_points.find("d f64 1.8p+0"), 12, "d f64 0.5.5");
  BOOST_TEST(error_of(two_points) ==
             "descent::load_checkpoint: 'state.ckpt', line 2: field 'd' has an unreadable value "
             "'0.5.5'");
  std::string huge = unsealed(good_text());
  huge.replace(huge.find("d f64 1.8p+0"), 12, "d f64 1e400");
  BOOST_TEST(error_of(huge) ==
             "descent::load_checkpoint: 'state.ckpt', line 2: field 'd' value '1e400' is out of "
             "the range of the program's floating-point type");
}

BOOST_AUTO_TEST_CASE(the_checksum_is_written_last_and_checked_first) {
  const std::string good = good_text();
  // The last line is `end crc32 XXXXXXXX`: the CRC-32 of every byte before it.
  const auto last = good.rfind('\n', good.size() - 2) + 1;
  boost::crc_32_type crc;
  crc.process_bytes(good.data(), last);
  char expected[32];
  std::snprintf(expected, sizeof expected, "end crc32 %08x\n", static_cast<unsigned>(crc.checksum()));
  BOOST_TEST(good.substr(last) == expected);
  BOOST_TEST(good.find("descent-checkpoint 2\n") == 0u);

  // One flipped digit, which parses fine, used to load silently.
  std::string flipped = good;
  flipped.replace(flipped.find("i i64 3"), 7, "i i64 4");
  const std::string msg = error_of(flipped);
  BOOST_TEST(msg.find("descent::load_checkpoint: 'state.ckpt': checksum mismatch: the file is "
                      "corrupted (its last line says crc32 ") == 0u,
             msg);
  BOOST_TEST(msg.find("a file edited on purpose loads once its last line is a plain 'end'") !=
             std::string::npos);
  // Every single-byte change of the content is caught (a flipped bit anywhere before the line).
  for (std::size_t at = 0; at < last; ++at) {
    std::string t = good;
    t[at] = static_cast<char>(t[at] ^ 0x01);
    BOOST_TEST(error_of(t) != "(no error)", "bit flip at byte " << at);
  }
  std::string bad_digits = good;
  bad_digits.replace(bad_digits.size() - 9, 8, "zzzzzzzz");
  BOOST_TEST(error_of(bad_digits) ==
             "descent::load_checkpoint: 'state.ckpt': the checksum on its last line, 'zzzzzzzz', "
             "is not 8 hexadecimal digits: the file is corrupted");
  descent::checkpoint_reader sealed(good, "f");
  BOOST_TEST(sealed.checksummed());
  BOOST_TEST(sealed.version() == 2);
  descent::checkpoint_reader open(unsealed(good), "f");
  BOOST_TEST(!open.checksummed());
}

BOOST_AUTO_TEST_CASE(format_1_files_without_checksum_still_load) {
  // As descent wrote them before the checksum (format 1).
  const std::string v1 = "descent-checkpoint 1\nd f64 1.8p+0\nv vf32 2 1p+0 1p+1\ni i64 3\nend\n";
  descent::checkpoint_reader r(v1, "old.ckpt");
  BOOST_TEST(r.version() == 1);
  double d = 0;
  std::vector<float> v;
  std::int64_t i = 0;
  r("d", d);
  r("v", v);
  r("i", i);
  r.finish();
  BOOST_TEST(d == 1.5);
  BOOST_TEST((v == std::vector<float>{1.0f, 2.0f}));
  BOOST_TEST(i == 3);
  BOOST_TEST(error_of(v1.substr(0, v1.size() - 2)) ==
             "descent::load_checkpoint: 'state.ckpt', line 5: truncated: the file ends inside the "
             "final 'end' line");
}

BOOST_AUTO_TEST_CASE(loaded_state_is_validated) {
  const auto load = [](const std::string& text) {
    try {
      descent::checkpoint_reader r(text, "state.ckpt");
      std::vector<double> p, sq;
      double rate = 0;
      r("params", p);
      r("1.exp_avg_sq", sq);
      r("plateau.rate", rate);
      r.finish();
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const auto text = [](std::string params, std::string sq, std::string rate) {
    return "descent-checkpoint 2\nparams vf64 2 " + params + "\n1.exp_avg_sq vf64 2 " + sq +
           "\nplateau.rate f64 " + rate + "\nend\n";
  };
  BOOST_TEST(load(text("1p+0 2.5", "0 1e-8", "nan")) == "(no error)");  // scalars may be NaN (not set yet)
  BOOST_TEST(load(text("1p+0 nan", "0 1e-8", "0.1")) ==
             "descent::load_checkpoint: 'state.ckpt', line 2: field 'params' value 1 is NaN: "
             "parameters and parameter-sized state must be finite (saved from a run that had "
             "diverged, or corrupted)");
  BOOST_TEST(load(text("1 2", "inf 0", "0.1")) ==
             "descent::load_checkpoint: 'state.ckpt', line 3: field '1.exp_avg_sq' value 0 is +inf: "
             "parameters and parameter-sized state must be finite (saved from a run that had "
             "diverged, or corrupted)");
  BOOST_TEST(load(text("1 2", "0 -1p-3", "0.1")) ==
             "descent::load_checkpoint: 'state.ckpt', line 3: field '1.exp_avg_sq' value 1 is "
             "-0.125, but it holds magnitudes (a second moment or a step size) and cannot be "
             "negative");
  // Which fields hold magnitudes: chain blocks' second moments and step sizes, by name.
  BOOST_TEST(descent::detail::nonnegative_state_field("1.exp_avg_sq"));
  BOOST_TEST(descent::detail::nonnegative_state_field("adam.1.max_exp_avg_sq"));
  BOOST_TEST(descent::detail::nonnegative_state_field("group0.2.sum"));
  BOOST_TEST(descent::detail::nonnegative_state_field("0.step_size"));
  BOOST_TEST(!descent::detail::nonnegative_state_field("1.exp_avg"));
  BOOST_TEST(!descent::detail::nonnegative_state_field("my.sum"));  // not a chain block
  BOOST_TEST(!descent::detail::nonnegative_state_field("sum"));
}

BOOST_AUTO_TEST_CASE(integer_range_is_checked) {
  descent::checkpoint_writer w;
  w("big", std::int64_t{1} << 40);
  const std::string text = std::move(w).finish();
  descent::checkpoint_reader r(text, "f");
  int small = 0;
  BOOST_CHECK_EXCEPTION(r("big", small), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()) ==
           "descent::load_checkpoint: 'f', line 2: field 'big' value 1099511627776 does not fit "
           "the program's integer type";
  });
}

BOOST_AUTO_TEST_CASE(bad_field_names_are_rejected) {
  descent::checkpoint_writer w;
  BOOST_CHECK_THROW(w("has space", 1.0), std::invalid_argument);
  BOOST_CHECK_THROW(w("", 1.0), std::invalid_argument);
  BOOST_CHECK_THROW(w("end", 1.0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
