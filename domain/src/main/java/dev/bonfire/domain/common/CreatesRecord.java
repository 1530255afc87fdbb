package dev.bonfire.domain.common;

/** A command that creates its target record, and so states the kind of record it creates. */
public interface CreatesRecord extends ClinicalCommand {

    RecordKind kind();
}
