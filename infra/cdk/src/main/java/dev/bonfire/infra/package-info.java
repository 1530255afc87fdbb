/**
 * The AWS CDK app that deploys one bonfire environment into the customer's own account, checked
 * against cdk-nag's HIPAA Security rules at synthesis; depends on no other bonfire module.
 */
package dev.bonfire.infra;
