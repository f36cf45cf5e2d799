// descent/train.hpp: the training loop area (objectives, methods, descent::minimize,
// stopping rules, callbacks, divergence guard, checkpoints).  See docs/training.md.
#ifndef DESCENT_TRAIN_HPP
#define DESCENT_TRAIN_HPP

#include <descent/train/archive.hpp>
#include <descent/train/callback.hpp>
#include <descent/train/checkpoint.hpp>
#include <descent/train/early_stopping.hpp>
#include <descent/train/first_order.hpp>
#include <descent/train/keep_best.hpp>
#include <descent/train/loss_history_csv.hpp>
#include <descent/problem/method.hpp>
#include <descent/train/minimize.hpp>
#include <descent/problem/objective.hpp>
#include <descent/train/progress_bar.hpp>
#include <descent/train/result.hpp>
#include <descent/train/stop.hpp>

#endif  // DESCENT_TRAIN_HPP
