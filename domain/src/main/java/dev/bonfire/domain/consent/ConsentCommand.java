package dev.bonfire.domain.consent;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the consent aggregate. */
public sealed interface ConsentCommand extends ClinicalCommand permits GrantConsent, WithdrawConsent {
}
