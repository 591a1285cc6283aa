'use strict';

const { is } = require('bpmnlint-utils');

const MODELER_NS = 'http://camunda.org/schema/modeler/1.0';

/** Camunda Modeler 5 must open the file as a Camunda 7.24 diagram (and lint it with the matching rules). */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Definitions')) {
      return;
    }
    const attrs = node.$attrs || {};
    const prefix = Object.keys(attrs)
      .filter(k => k.startsWith('xmlns:') && attrs[k] === MODELER_NS)
      .map(k => k.substring('xmlns:'.length))[0];
    const platform = prefix && attrs[prefix + ':executionPlatform'];
    const version = prefix && attrs[prefix + ':executionPlatformVersion'];
    if (platform !== 'Camunda Platform' || version !== '7.24.0') {
      reporter.report(node.id,
        'Definitions need modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0"');
    }
  }

  return { check };
};
