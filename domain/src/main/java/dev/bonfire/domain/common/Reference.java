package dev.bonfire.domain.common;

/**
 * A reference to another record: resolved ({@code type} and {@code id}) or, when its target could not
 * be found, kept unresolved by a business identifier, never dropped.
 */
public record Reference(String type, String id, Identifier identifier, String display) {
    public Reference {
        if (id == null && identifier == null && display == null) {
            throw new InvalidCommandException("a reference needs an id, an identifier or a display");
        }
    }

    public static Reference to(String type, String id) {
        return new Reference(type, id, null, null);
    }

    public boolean resolved() {
        return id != null;
    }
}
