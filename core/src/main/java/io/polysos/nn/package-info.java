/**
 * Polynomial networks and their certified training: the network model and its numeric
 * forward pass ({@link io.polysos.nn.PolynomialNetwork}), instance files
 * ({@link io.polysos.nn.NetworkInstanceFormat}), the training compiler from network, data
 * and loss to a polynomial program ({@link io.polysos.nn.TrainingCompiler}), the learner
 * ({@link io.polysos.nn.PolynomialLearner}), which hands the program to the Moment-SOS driver
 * of {@code io.polysos.moment} and adds bounds, refinement and timings, a local gradient baseline,
 * the paper's synthetic experiments and the reproduction runner.
 *
 * <p>May depend on {@code io.polysos.poly}, {@code io.polysos.pop}, {@code io.polysos.moment},
 * the SDP API ({@code io.polysos.sdp}), Jackson and EJML; never on a backend.
 */
package io.polysos.nn;
