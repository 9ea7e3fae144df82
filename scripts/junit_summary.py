"""Print one line 'N passed, N failed, N skipped' over several JUnit XML reports.

Exits non-zero when a report is missing (its runner crashed) or any test failed.
"""

import sys
import xml.etree.ElementTree as ET


def counts(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in total:
            total[key] += int(suite.get(key, 0))
    return total


def main(paths):
    passed = failed = skipped = 0
    missing = []
    for path in paths:
        try:
            c = counts(path)
        except (OSError, ET.ParseError):
            missing.append(path)
            continue
        failed += c["failures"] + c["errors"]
        skipped += c["skipped"]
        passed += c["tests"] - c["failures"] - c["errors"] - c["skipped"]
    failed += len(missing)
    for path in missing:
        print(f"no test report at {path}: its runner did not finish", file=sys.stderr)
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
