/** core (work in progress). */
package io.polysos.poly;
