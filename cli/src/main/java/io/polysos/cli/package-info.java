/** cli (work in progress). */
package io.polysos.cli;
