package dev.bonfire.domain.breakglass;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the break-the-glass aggregate. */
public sealed interface BreakGlassCommand extends ClinicalCommand permits BreakGlass {
}
