/** Bean Validation as the OpenAPI document means it: lengths in code points. */
package org.opendws.snapshot.client.validation;
