// The Session's data-parallel methods (core/api/session.hpp): a replica's share of a step, the sum made
// in place in wasm memory (the coordinator adds the others' gradients to its own, hands the sum out, the
// others take it), the summed step, and the carried state of the replica's streams. A gradient crosses
// between JS and wasm as one copy each way, with no allocation per step (replica_convert.cpp).
#include "session_binding.hpp"

namespace charrnn::js {

val SessionBinding::computeGradients(int replica, int replicas) {
  return guarded([&] { return share_counts(need().compute_gradients(replica, replicas)); });
}

val SessionBinding::addGradient(const val& values) {
  return done([&](Session& s) {
    const std::vector<float>& g = incoming_floats(values);
    s.add_gradient(g.data(), g.size());
  });
}

val SessionBinding::setGradient(const val& values) {
  return done([&](Session& s) {
    const std::vector<float>& g = incoming_floats(values);
    s.set_gradient(g.data(), g.size());
  });
}

val SessionBinding::copyGradient(const val& into) {
  return done([&](Session& s) {
    s.check_gradient_size(into["length"].as<std::size_t>());
    copy_floats(s.gradients(), into);
  });
}

val SessionBinding::applyGradients(const val& total, double step_millis, const std::string& snapshot) {
  return guarded([&] {
    const SnapshotOrder order = snapshot_order(snapshot);
    return slice(need().apply_gradients(share_total(total), step_millis, order));
  });
}

val SessionBinding::streamState(int replica, int replicas) {
  return guarded([&] { return named("state", floats(need().stream_state(replica, replicas))); });
}

val SessionBinding::setStreamState(int replica, int replicas, const val& values) {
  return done([&](Session& s) { s.set_stream_state(replica, replicas, float_vector(values)); });
}

}  // namespace charrnn::js
