package org.modkern.lkm;

import org.osgi.annotation.versioning.ProviderType;

/** The module table as a service, for readers such as procfs. */
@ProviderType
public interface ModuleList {
    /** The table exactly as modstat(8) prints it: a header line, then one line per module. */
    String table();
}
