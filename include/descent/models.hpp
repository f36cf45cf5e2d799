// descent/models.hpp: models as expressions (linear, logistic, softmax regression, MLPs),
// initialisation, prediction and metrics (descent/models/).
#ifndef DESCENT_MODELS_HPP
#define DESCENT_MODELS_HPP

#include <descent/models/init.hpp>
#include <descent/models/linear.hpp>
#include <descent/models/logistic.hpp>
#include <descent/models/metrics.hpp>
#include <descent/models/mlp.hpp>
#include <descent/models/predict.hpp>
#include <descent/models/softmax.hpp>

#endif
