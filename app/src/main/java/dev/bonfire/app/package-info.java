/** The runnable bonfire: server, CLI, and the one place where modules are wired together. */
package dev.bonfire.app;
