// descent/optim/detail/prefixed_archive.hpp: an archive that prefixes every field's name,
// so that the state of block 1 of a chain is saved as "1.exp_avg", of group 0 of
// param_groups as "group0.1.exp_avg", and names never collide.
#ifndef DESCENT_OPTIM_DETAIL_PREFIXED_ARCHIVE_HPP
#define DESCENT_OPTIM_DETAIL_PREFIXED_ARCHIVE_HPP

#include <string>
#include <string_view>

namespace descent::optim::detail {

template <class Archive>
struct prefixed_archive {
  static constexpr bool is_loading = [] {
    if constexpr (requires { Archive::is_loading; })
      return static_cast<bool>(Archive::is_loading);
    else
      return false;
  }();

  Archive& ar;
  std::string prefix;

  template <class V>
  void operator()(std::string_view name, V& value) {
    std::string full = prefix;
    full += name;
    ar(full.c_str(), value);
  }
};

}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_DETAIL_PREFIXED_ARCHIVE_HPP
