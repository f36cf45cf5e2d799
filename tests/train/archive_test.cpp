// The checkpoint archives: exact round trip of every supported type, and readable errors.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

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
  descent::checkpoint_writer w;
  w("d", 1.5);
  w("v", std::vector<float>{1.0f, 2.0f});
  w("i", std::int64_t{3});
  const std::string good = std::move(w).finish();
  BOOST_TEST(error_of(good) == "(no error)");

  BOOST_TEST(error_of("hello\n") ==
             "descent::load_checkpoint: 'state.ckpt': it is not a descent checkpoint (the first "
             "line is not 'descent-checkpoint 1')");
  std::string renamed = good;
  renamed.replace(renamed.find("\nv "), 3, "\nw ");
  BOOST_TEST(error_of(renamed) ==
             "descent::load_checkpoint: 'state.ckpt': expected field 'v' but found 'w' (a "
             "checkpoint of a different optimizer or method?)");
  std::string retyped = good;
  retyped.replace(retyped.find(" vf32 "), 6, " vf64 ");
  BOOST_TEST(error_of(retyped) ==
             "descent::load_checkpoint: 'state.ckpt': field 'v' holds a vector<double> but the "
             "program reads a vector<float>");
  std::string extra = good;
  extra.insert(extra.find("end\n"), "more f64 0p+0\n");
  BOOST_TEST(error_of(extra) ==
             "descent::load_checkpoint: 'state.ckpt': it has a field 'more' that the program "
             "does not read (a checkpoint of a different optimizer or method?)");
  std::string bad_value = good;
  bad_value.replace(bad_value.find("i i64 3"), 7, "i i64 x");
  BOOST_TEST(error_of(bad_value) ==
             "descent::load_checkpoint: 'state.ckpt': field 'i' has an unreadable value 'x'");
}

BOOST_AUTO_TEST_CASE(every_truncation_is_detected) {
  descent::checkpoint_writer w;
  w("d", 1.5);
  w("v", std::vector<float>{1.0f, 2.0f});
  w("i", std::int64_t{3});
  const std::string good = std::move(w).finish();
  for (std::size_t len = 0; len < good.size(); ++len) {
    const std::string msg = error_of(good.substr(0, len));
    BOOST_TEST(msg.find("descent::load_checkpoint: 'state.ckpt': ") == 0u,
               "prefix of " << len << " bytes: " << msg);
  }
  BOOST_TEST(error_of(good.substr(0, good.size() - 1)) ==
             "descent::load_checkpoint: 'state.ckpt': truncated: the final 'end' line is "
             "incomplete");
  BOOST_TEST(error_of(good.substr(0, good.find(" 1p+1"))) ==
             "descent::load_checkpoint: 'state.ckpt': truncated: field 'v' has 1 of its 2 values");
}

BOOST_AUTO_TEST_CASE(integer_range_is_checked) {
  descent::checkpoint_writer w;
  w("big", std::int64_t{1} << 40);
  const std::string text = std::move(w).finish();
  descent::checkpoint_reader r(text, "f");
  int small = 0;
  BOOST_CHECK_EXCEPTION(r("big", small), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()) ==
           "descent::load_checkpoint: 'f': field 'big' value 1099511627776 does not fit the "
           "program's integer type";
  });
}

BOOST_AUTO_TEST_CASE(bad_field_names_are_rejected) {
  descent::checkpoint_writer w;
  BOOST_CHECK_THROW(w("has space", 1.0), std::invalid_argument);
  BOOST_CHECK_THROW(w("", 1.0), std::invalid_argument);
  BOOST_CHECK_THROW(w("end", 1.0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
