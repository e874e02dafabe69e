/** Directory trees deleted, emptied or copied without following symbolic links. */
package io.piobuildpack.it.files;
