'use strict';

const { is } = require('bpmnlint-utils');

// Ids Camunda Modeler generates: Activity_0abc123, Gateway_1x2y3z4, StartEvent_1, Process_0k2j3h4 ...
const GENERATED = /^[A-Za-z]+_([01][0-9a-z]{6}|\d+)$/;

/**
 * Tests, dashboards and Cockpit refer to activities by id, so processes and flow nodes need readable, stable ids
 * (Task_PrepareAnswer, Event_InformationReceived). Sequence flows may keep generated ids.
 */
module.exports = function() {

  function check(node, reporter) {
    const named = is(node, 'bpmn:Process') || (is(node, 'bpmn:FlowNode'));
    if (named && GENERATED.test(node.id || '')) {
      reporter.report(node.id, 'Generated id: give it a readable one such as Task_PrepareAnswer');
    }
  }

  return { check };
};
