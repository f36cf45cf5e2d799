// The one Boost.Test main shared by all test executables (compiled once).
#define BOOST_TEST_MODULE descent
#include <boost/test/unit_test.hpp>
