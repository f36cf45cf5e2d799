// descent/optim/schedules.hpp: every learning-rate schedule.
#ifndef DESCENT_OPTIM_SCHEDULES_HPP
#define DESCENT_OPTIM_SCHEDULES_HPP

#include <descent/optim/schedule.hpp>
#include <descent/optim/schedule/cosine.hpp>
#include <descent/optim/schedule/decay.hpp>
#include <descent/optim/schedule/plateau.hpp>
#include <descent/optim/schedule/sequence.hpp>

#endif  // DESCENT_OPTIM_SCHEDULES_HPP
