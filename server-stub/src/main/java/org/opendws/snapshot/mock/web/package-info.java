/**
 * Internal: the one request pipeline on Tomcat and Spring MVC.
 * Not API: the embedding API is {@link org.opendws.snapshot.mock}.
 */
package org.opendws.snapshot.mock.web;
