"""Fetches exchange rates and hands them to the flow with Kestra's output protocol.

Namespace file of company.team: upload it with
    flows namespace files upload company.team examples/company.team
The flow passes the API URL in the API_URL environment variable (an input, so tests can point it at a
local server). `requests` is used when installed, the standard library otherwise, so the script also runs
where `pip install` cannot reach the network.
"""
import json
import os
import sys

API_URL = os.environ.get("API_URL", "https://open.er-api.com/v6/latest/USD")


def fetch(url):
    try:
        import requests  # installed by the flow's beforeCommands when the network allows it
    except ImportError:
        requests = None

    if requests is not None:
        response = requests.get(url, timeout=30)
        response.raise_for_status()
        return response.json()

    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def main():
    data = fetch(API_URL)
    rates = data.get("rates", {})
    base = data.get("base_code") or data.get("base") or "USD"
    if "EUR" not in rates:
        print(f"no EUR rate in the response of {API_URL}", file=sys.stderr)
        return 1

    print(f"1 {base} = {rates['EUR']} EUR")
    outputs = {"base": base, "eur": rates["EUR"], "currencies": len(rates)}
    print("::" + json.dumps({"outputs": outputs}) + "::")
    return 0


if __name__ == "__main__":
    sys.exit(main())
