/** Health: up only when the database answers, so load balancers stop sending requests to an instance that cannot serve them. */
package dev.bonfire.app.health;
