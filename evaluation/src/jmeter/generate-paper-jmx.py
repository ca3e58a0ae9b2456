#!/usr/bin/env python3
"""Writes paper.jmx beside this file (the JMeter plan of the paper's create/retrieve experiments)."""
from xml.sax.saxutils import escape as e
def prop(name, typ, val):
    return f'<{typ}Prop name="{name}">{e(str(val))}</{typ}Prop>'
def headers(name, ct=None):
    hs=[("X-M2M-Origin","Cjmeter"),("X-M2M-RI","jmeter-${__threadNum}-${__counter(FALSE,)}"),("X-M2M-RVI","3"),("Accept","application/json")]
    if ct: hs.append(("Content-Type",ct))
    items="".join(f'''
            <elementProp name="{k}" elementType="Header">
              <stringProp name="Header.name">{k}</stringProp>
              <stringProp name="Header.value">{e(v)}</stringProp>
            </elementProp>''' for k,v in hs)
    return f'''
          <HeaderManager guiclass="HeaderPanel" testclass="HeaderManager" testname="{e(name)} headers">
            <collectionProp name="HeaderManager.headers">{items}
            </collectionProp>
          </HeaderManager>
          <hashTree/>'''
def assertion(code):
    if code == "gone":
        # a leftover AE may or may not exist: 2xx or 404 both pass (assume_success: the status alone is no error)
        return '''
          <ResponseAssertion guiclass="AssertionGui" testclass="ResponseAssertion" testname="HTTP 2xx or 404">
            <collectionProp name="Asserion.test_strings">
              <stringProp name="0">2\\d\\d|404</stringProp>
            </collectionProp>
            <stringProp name="Assertion.custom_message"></stringProp>
            <stringProp name="Assertion.test_field">Assertion.response_code</stringProp>
            <boolProp name="Assertion.assume_success">true</boolProp>
            <intProp name="Assertion.test_type">1</intProp>
          </ResponseAssertion>
          <hashTree/>'''
    return f'''
          <ResponseAssertion guiclass="AssertionGui" testclass="ResponseAssertion" testname="HTTP {code}">
            <collectionProp name="Asserion.test_strings">
              <stringProp name="{code}">{code}</stringProp>
            </collectionProp>
            <stringProp name="Assertion.custom_message"></stringProp>
            <stringProp name="Assertion.test_field">Assertion.response_code</stringProp>
            <boolProp name="Assertion.assume_success">false</boolProp>
            <intProp name="Assertion.test_type">8</intProp>
          </ResponseAssertion>
          <hashTree/>'''
def sampler(name, side, method, path, body=None, ct=None, code=None, ignore=False):
    args=""
    if body is not None:
        args=f'''
          <boolProp name="HTTPSampler.postBodyRaw">true</boolProp>
          <elementProp name="HTTPsampler.Arguments" elementType="Arguments">
            <collectionProp name="Arguments.arguments">
              <elementProp name="" elementType="HTTPArgument">
                <boolProp name="HTTPArgument.always_encode">false</boolProp>
                <stringProp name="Argument.value">{e(body)}</stringProp>
                <stringProp name="Argument.metadata">=</stringProp>
              </elementProp>
            </collectionProp>
          </elementProp>'''
    else:
        args='''
          <elementProp name="HTTPsampler.Arguments" elementType="Arguments">
            <collectionProp name="Arguments.arguments"/>
          </elementProp>'''
    a = assertion(code) if code else ""
    return f'''
        <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="{e(name)}">{args}
          <stringProp name="HTTPSampler.domain">${{__P({side}.host,127.0.0.1)}}</stringProp>
          <stringProp name="HTTPSampler.port">${{__P({side}.port,62589)}}</stringProp>
          <stringProp name="HTTPSampler.protocol">http</stringProp>
          <stringProp name="HTTPSampler.path">/${{__P({side}.cse,cse-{side})}}{e(path)}</stringProp>
          <stringProp name="HTTPSampler.method">{method}</stringProp>
          <stringProp name="HTTPSampler.implementation">HttpClient4</stringProp>
          <boolProp name="HTTPSampler.follow_redirects">false</boolProp>
          <boolProp name="HTTPSampler.auto_redirects">false</boolProp>
          <boolProp name="HTTPSampler.use_keepalive">true</boolProp>
          <stringProp name="HTTPSampler.connect_timeout">5000</stringProp>
          <stringProp name="HTTPSampler.response_timeout">30000</stringProp>
        </HTTPSamplerProxy>
        <hashTree>{headers(name, ct)}{a}
        </hashTree>'''
def group(kind, name, loops, samplers):
    tag = {"setup":"SetupThreadGroup","teardown":"PostThreadGroup","main":"ThreadGroup"}[kind]
    gui = {"setup":"SetupThreadGroupGui","teardown":"PostThreadGroupGui","main":"ThreadGroupGui"}[kind]
    return f'''
      <{tag} guiclass="{gui}" testclass="{tag}" testname="{e(name)}">
        <stringProp name="ThreadGroup.on_sample_error">{"stoptest" if kind=="main" else "continue"}</stringProp>
        <elementProp name="ThreadGroup.main_controller" elementType="LoopController" guiclass="LoopControlPanel" testclass="LoopController">
          <boolProp name="LoopController.continue_forever">false</boolProp>
          <stringProp name="LoopController.loops">{loops}</stringProp>
        </elementProp>
        <stringProp name="ThreadGroup.num_threads">1</stringProp>
        <stringProp name="ThreadGroup.ramp_time">0</stringProp>
        <boolProp name="ThreadGroup.scheduler">false</boolProp>
        <boolProp name="ThreadGroup.same_user_on_next_iteration">true</boolProp>
      </{tag}>
      <hashTree>{"".join(samplers)}
      </hashTree>'''
cin = '{"m2m:cin":{"cnf":"application/json:0","con":"' 
pad = 400 - len(cin) - 3
reading = "{temp:23.5,speed:88,seq:0}"
con = (reading * 40)[:pad]
cinbody = cin + con + '"}}'
assert len(cinbody) == 400
ae = '{"m2m:ae":{"rn":"jmeter-paper","api":"Njmeter.edgeslice.org","rr":false,"srv":["3"]}}'
cnt = '{"m2m:cnt":{"rn":"data","mni":1000}}'
setup=[]
for side in ("edge","cloud"):
    setup.append(sampler(f"{side}: delete a leftover AE (404 is fine)", side, "DELETE", "/jmeter-paper", code="gone"))
    setup.append(sampler(f"{side}: register AE", side, "POST", "", ae, "application/json;ty=2", 201))
    setup.append(sampler(f"{side}: create container", side, "POST", "/jmeter-paper", cnt, "application/json;ty=3", 201))
    setup.append(sampler(f"{side}: first contentInstance", side, "POST", "/jmeter-paper/data", cinbody, "application/json;ty=4", 201))
groups = [group("setup", "setUp: AE and container on both CSEs", 1, setup)]
W = "${__P(warmup,200)}"
N = "${__P(samples,60)}"
for side in ("edge","cloud"):
    groups.append(group("main", f"{side}: warm-up", W, [
        sampler(f"{side} warm-up create", side, "POST", "/jmeter-paper/data", cinbody, "application/json;ty=4", 201),
        sampler(f"{side} warm-up retrieve", side, "GET", "/jmeter-paper/data/la", None, None, 200)]))
    groups.append(group("main", f"{side}: Fig. 10 data creation", N, [
        sampler(f"{side} create 400-byte contentInstance", side, "POST", "/jmeter-paper/data", cinbody, "application/json;ty=4", 201)]))
    groups.append(group("main", f"{side}: Fig. 11 retrieve latest", N, [
        sampler(f"{side} retrieve latest (la)", side, "GET", "/jmeter-paper/data/la", None, None, 200)]))
groups.append(group("teardown", "tearDown: delete the AEs", 1, [sampler(f"{s}: delete AE", s, "DELETE", "/jmeter-paper", code="gone") for s in ("edge","cloud")]))
jmx = f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- The paper's create/retrieve experiments (Hwang et al., IEEE IoT Journal 8(14), 2021, Figs. 10-11) for JMeter 5.5 and later.
     Properties (-J or the jmeter Maven profile): edge.host/edge.port/edge.cse, cloud.host/cloud.port/cloud.cse,
     samples (60), warmup (200). Put the WAN emulator in front of the cloud CSE and give its port as cloud.port
     (docs/evaluation.md). Thread groups run one after another; every sample must answer 201/200. -->
<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.5">
  <hashTree>
    <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="EdgeSlice paper experiments (Figs. 10-11)">
      <boolProp name="TestPlan.functional_mode">false</boolProp>
      <boolProp name="TestPlan.serialize_threadgroups">true</boolProp>
      <boolProp name="TestPlan.tearDown_on_shutdown">true</boolProp>
      <elementProp name="TestPlan.user_defined_variables" elementType="Arguments">
        <collectionProp name="Arguments.arguments"/>
      </elementProp>
    </TestPlan>
    <hashTree>{"".join(groups)}
    </hashTree>
  </hashTree>
</jmeterTestPlan>
'''
import os
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'paper.jmx'), 'w').write(jmx)
