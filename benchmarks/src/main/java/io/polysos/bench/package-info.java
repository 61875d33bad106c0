/** benchmarks (work in progress). */
package io.polysos.bench;
