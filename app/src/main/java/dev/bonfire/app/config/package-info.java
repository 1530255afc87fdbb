/** Settings, validated at start-up: a missing required setting stops the start with a message that names it. */
package dev.bonfire.app.config;
