import json, os, subprocess, time
from azure.core.credentials import AccessToken
from azure.core.pipeline.policies import RequestIdPolicy
from azure.core.pipeline.transport import HttpRequest
from azure.core.polling import LROPoller
from azure.mgmt.core import ARMPipelineClient
from azure.mgmt.core.policies import ARMChallengeAuthenticationPolicy
from azure.mgmt.core.polling.arm_polling import ARMPolling

# Start the mock (a pytest fixture would do this once), read its ready line, stop it at the end.
mock = subprocess.Popen(["npx", "--no", "arm-security-devops", "mock", "--json"], stdout=subprocess.PIPE, text=True)
try:
    ready = json.loads(mock.stdout.readline())  # endpoint, certificateFile, token, connectorUrl, env, ...
    os.environ["REQUESTS_CA_BUNDLE"] = ready["certificateFile"]  # trust the mock's certificate

    class MockCredential:  # any TokenCredential: the mock accepts its own token only
        def get_token(self, *scopes, **kwargs):
            return AccessToken(ready["token"], int(time.time()) + 3600)

    auth = ARMChallengeAuthenticationPolicy(MockCredential(), "https://management.azure.com/.default")
    client = ARMPipelineClient(base_url=ready["endpoint"], policies=[RequestIdPolicy(), auth])
    org = ready["connectorUrl"] + "/devops/default/azureDevOpsOrgs/contoso-ado?api-version=2024-04-01"
    request = HttpRequest("PUT", org)
    request.set_json_body({"properties": {"actionableRemediation": {"state": "Enabled"}}})
    initial = client._pipeline.run(request)  # 201 + Azure-AsyncOperation, as ARM answers
    poller = LROPoller(client, initial, lambda r: json.loads(r.http_response.text()), ARMPolling())
    print(poller.result()["properties"]["provisioningState"])  # Succeeded, after two polls a second apart
finally:
    mock.terminate()  # the mock stops and removes its certificate file (also when npx drops the SIGTERM)
    mock.wait()
