/**
 * The LKM facility's API: the manifest headers by which a bundle declares itself a loadable
 * kernel module, and the module types of lkm(4). The module table, the load and unload
 * transactions and the modload/modunload/modstat commands live in this bundle's private packages.
 */
@Export
@Version("1.1.0")
package org.modkern.lkm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
