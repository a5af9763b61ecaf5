"""Prose constraints become schema keywords; the prose stays."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from doc2openapi.scraper.interpret.constraints import (
    apply_constraints,
    audit_constraints,
    keyword_counts,
)
from doc2openapi.scraper.interpret.constraints.apply import TYPE_FORMATS
from doc2openapi.scraper.pipeline import ScrapeResult, scrape
from tests.helpers import operation, params, resolve
from tests.test_conventions import RESPONSE_HEADER, table
from tests.test_conventions import page as rst_page


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("integer", "The value ranges from 1 to 100. The default value is 10.",
         {"minimum": 1, "maximum": 100, "default": 10}),
        ("integer", "The value range is [1, 1000]. Default value: 10",
         {"minimum": 1, "maximum": 1000, "default": 10}),
        ("integer", "Minimum: 1 Maximum: 65535", {"minimum": 1, "maximum": 65535}),
        ("integer", "Default value: 0 The value range is [1, 65535].",
         {"minimum": 1, "maximum": 65535}),  # a default outside the range is dropped
        ("integer", "The options are as follows: - 0: labeled - 1: unlabeled - 2: all",
         {"enum": [0, 1, 2]}),
        ("string", "Options:\n- QUEUING: queuing\n- RUNNING: running (default value)",
         {"enum": ["QUEUING", "RUNNING"], "default": "RUNNING"}),
        ("string", "Sorting order. The value can be asc or desc. Default value: desc",
         {"enum": ["asc", "desc"], "default": "desc"}),
        ("string", "The value can be job_name, job_desc, status, or create_time.",
         {"enum": ["job_name", "job_desc", "status", "create_time"]}),
        ("string", "Consists of 1 to 64 characters.", {"minLength": 1, "maxLength": 64}),
        ("string", "The value contains a maximum of 255 characters.", {"maxLength": 255}),
        ("string", "The name contains 0 to 1,024 characters.", {"maxLength": 1024}),
        ("string", "The ID is in UUID format.", {"format": "uuid"}),
        ("string", "Otherwise, the default security group is used.", {}),
        ("boolean", "The value can be true or false, and the default value is false.",
         {"default": False}),
        # KMS grant operations, OBS Access-Control-Request-Method: a comma list with no "or"
        ("string", "Values: create-datakey, describe-key, retire-grant\nNot alone.",
         {"enum": ["create-datakey", "describe-key", "retire-grant"]}),
        ("string", "Value options: GET, PUT, HEAD", {"enum": ["GET", "PUT", "HEAD"]}),
        ("string", "Value range: letters, digits, hyphens", {}),  # kinds of characters
        ("string", "Values: a, b, for the old API.", {}),  # the line goes on: not the list
        ("string", "Values: ecs, evs, vpc, etc.", {}),  # some of the values
        ("string", "Values: a-z, A-Z", {}),  # kinds of characters
    ],
)  # fmt: skip
def test_constraints_from_prose(kind: str, text: str, expected: dict[str, Any]) -> None:
    schema: dict[str, Any] = {"type": kind}
    apply_constraints(schema, text)
    assert {k: v for k, v in schema.items() if k != "type"} == expected


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # the structured form: each part to its keywords, placeholders mean none
        ("string", "Definition\nWidget ID.\nConstraints\nN/A\nRange\nN/A\nDefault Value\nN/A",
         {}),
        ("string", "Definition\nMode.\nRange\nN/A\nDefault Value\nnull", {}),
        ("integer", "Definition\nPage size.\nRange\n5 to 500\nDefault Value\n50",
         {"minimum": 5, "maximum": 500, "default": 50}),
        ("integer", "Definition\nOffset.\nRange\nGreater than or equal to 0\nDefault Value\n0",
         {"minimum": 0, "default": 0}),
        ("string", "Definition\nKind of copy.\nRange\nfull: whole copy\nlite: partial copy",
         {"enum": ["full", "lite"]}),
        ("integer", "Definition\nSwitch.\nRange\n1: on; 0: off.", {"enum": [1, 0]}),
        ("string", "Definition\nShelf ID.\nRange\nIt is a 36-digit UUID.\nDefault Value\nN/A",
         {"format": "uuid"}),
        ("string", "Definition: Alias.\nRange: 2 to 30 characters.\nDefault value: N/A",
         {"minLength": 2, "maxLength": 30}),
        ("string", "Definition\nName filter.\nRange\n^[a-z][a-z0-9_]{0,31}$\nDefault Value\n-",
         {"pattern": "^[a-z][a-z0-9_]{0,31}$"}),
        # the older labelled lines
        ("string", "Label of a box.\nMinimum: 1\nMaximum: 64", {"minLength": 1, "maxLength": 64}),
        ("number", "Weight.\nMinimum: 0\nMaximum: 1.5E10", {"minimum": 0, "maximum": 1.5e10}),
        ("integer", "Retries.\nMinimum: 1\nDefault: 3", {"minimum": 1, "default": 3}),
        ("string", "Colour.\n- RED: warm\n- BLUE: cold\nEnumeration values:\n- RED\n- BLUE",
         {"enum": ["RED", "BLUE"]}),  # one list under two headings is one list
        ("string", "Colour.\nOptions:\n- RED\n- BLUE\nEnumeration values:\n- RED\n- BLUE",
         {"enum": ["RED", "BLUE"]}),
        ("string", "Box code.\nRegular expression matching: ^bx[0-9]{6}$",
         {"pattern": "^bx[0-9]{6}$"}),
        ("string", "Key ID. The string must comply with UUID regular expression rules.",
         {"format": "uuid"}),  # a named form of value, not written out
        ("string", "Box code.\nRegular expression matching: ^bx[0-9{6}$", {}),  # no regex
        ("string", "Box code.\nMinimum: 8\nRegular expression matching:\n^bx[0-9]{6}$",
         {"minLength": 8, "pattern": "^bx[0-9]{6}$"}),  # the value on the line after
        ("string", "Box code.\nRegular expression matching:\nMaximum: 8", {"maxLength": 8}),
        ("string", "Box code.\nRegular expression:\nThe value can contain 1 to 64 characters.",
         {"minLength": 1, "maxLength": 64}),  # a sentence is no label's value
        ("integer", "Wait time.\nValue range: 2s-90s", {"minimum": 2, "maximum": 90}),
        # other vendors' words: "Min:"/"Max:", a default inside the range, "Value: a to b",
        # "the default value 20 is used"; a count ("1 to 3 times") is no range
        ("integer", "Count. Min: 10, Max: 1000.", {"minimum": 10, "maximum": 1000}),
        ("integer", "Count. The value ranges from 1 (default) to 10.",
         {"minimum": 1, "maximum": 10, "default": 1}),
        ("integer", "Usage.\nValue: 0 to 100. Unit: %", {"minimum": 0, "maximum": 100}),
        ("integer", "Count. If this parameter is not specified, the default value 20 is used.",
         {"default": 20}),
        ("integer", "Count. The value is 1 to 3 times the quota.", {}),
        ("integer", "Size.\nValue range: 1 - 100. Default value: 3.",  # "- 100" is no value
         {"minimum": 1, "maximum": 100, "default": 3}),
        ("integer", "Size.\nValue range: 1 to 100 (default).",
         {"minimum": 1, "maximum": 100, "default": 100}),
        # a value the text gives a meaning outside the range widens it, as a default does
        ("integer", "Limit.\nValue range: 1-100. The value -1 indicates no limit.",
         {"minimum": -1, "maximum": 100}),
        ("integer", "Limit.\nValue range: 1-100. If the value is 0, no limit applies.",
         {"minimum": 0, "maximum": 100}),
        # the range's sentence ends it; the line's next sentence is prose of its own
        ("integer", "Partitions.\nValue range: 1-100. Default value: **3**.",
         {"minimum": 1, "maximum": 100, "default": 3}),
        ("integer", "Value range: 1-60. Unit: minute.", {"minimum": 1, "maximum": 60}),
        ("integer", "Page size.\nValue range: 1-50\nCommon values: 5, 10, and 20\n"
         "Default value: 50", {"minimum": 1, "maximum": 50, "default": 50}),
        ("string", "Size.\nValue range:\n- SMALL: little\n- LARGE: big",
         {"enum": ["SMALL", "LARGE"]}),
        ("integer", "Cache time.\nValue range:\n- Zone A: 1-3600\n- Zone B: 1-3600",
         {"minimum": 1, "maximum": 3600}),
        ("integer", "Cache time.\nValue range:\n- Zone A: 1-3600\n- Zone B: 5-60", {}),
        # defaults in prose: values only, never stray words or cut numbers
        ("string", "Order of the list. The method can be:\n- up: rising\n- down: falling\n"
         "The default method is down.", {"enum": ["up", "down"], "default": "down"}),
        ("integer", "Batch size. The default value is 2,000.", {"default": 2000}),
        ("string", "Home folder. The default value is the same as that of the owner.", {}),
        ("string", "Zone of the shelf. The default value is N/A.", {}),
        ("integer", "Count. If mode is set to fast, the default value is 10.", {}),
        ("string", "Port. If this parameter is not passed, the port is 8080 by default.",
         {"default": "8080"}),
        ("boolean", "Whether to lock. Default: true", {"default": True}),
        ("string", "Layout:\n- 0: flat\n- 1: Default value. Nested folders.",
         {"enum": ["0", "1"], "default": "1"}),
        # ranges and lengths for one case only stay prose
        ("string", "Text of a note, at most 4 KB. For pager notes, up to 160 characters.", {}),
        ("integer", "Hits. For slow checks, the value ranges from 1 to 30.", {}),
        ("integer", "Pages. The value must be greater than 0.", {"minimum": 1}),
        # a bullet per case ("- <case>: ...") states that case's bounds and default only
        ("integer", "Wait time.\n- Fast queues: The value ranges from 5 to 900, and the default"
         " value is 60.\n- Slow queues: The value ranges from 0 to 900, and the default value"
         " is 30.", {}),
        ("string", "Key.\n- plain: The value contains 8 to 32 characters.\n- signed: The value"
         " contains 4 to 512 characters.", {}),
        ("integer", "Copies.\n- Gold tier: The value is 3.\n- Silver tier: The value ranges"
         " from 1 to 2.", {}),
        ("integer", "Zone size.\n- Public: 1-500\n- Private: 1-500",
         {"minimum": 1, "maximum": 500}),
        ("integer", "Copies.\n- Value range: 1 to 10\n- Default value: 3",
         {"minimum": 1, "maximum": 10, "default": 3}),  # labels, not cases
        ("string", "Name.\n- Length: 1 to 64 characters\n- Note: letters only",
         {"minLength": 1, "maxLength": 64}),
        # ... but a bullet headed by one of the field's own values describes that value
        ("string", "Match mode:\n- PREFIX: Prefix match\n- EXACT: Exact match Default value:"
         " EXACT\nEnumeration values:\n- PREFIX\n- EXACT",
         {"enum": ["PREFIX", "EXACT"], "default": "EXACT"}),
        # a list is closed only when every bullet names a value, and its introduction says
        # neither "not limited to", "such as", nor for which case it is
        ("string", "Disk group. The options are:\n- vgroot: root disk.\n- vgdata{n}: data disk n,"
         " for example, vgdata1.\n- default: common data disk, mounted by default.", {}),
        ("string", "Step. The value can contain but is not limited to the following values:\n"
         "- COPYING\n- MOVING", {}),
        ("string", "Size. The options for GPU pools are as follows:\n- pool.x (1 card)\n"
         "- pool.2x (2 cards)", {}),
        ("string", "Separator. Value range:\n- Comma (,)\n- Tab (\\t)\n- NULL", {}),
        ("string", "Layout. Options:\n- Plain\n- Columnar (supported only by tables)\n- Text",
         {"enum": ["Plain", "Columnar", "Text"]}),
        ("string", "Codec. (Mandatory only when the source is a queue.)\n- none\n- zip",
         {"enum": ["none", "zip"]}),
        ("boolean", "Whether a copy is made when a job starts.\n- true: Default value. A copy"
         " is made.\n- false: No copy is made.", {"default": True}),
        ("string", "Owner ID. The value is a UUID (36 characters) or 0.", {}),
        ("string", "Runtime. Options:\n- Go1\n- Py3\n- Custom Image", {}),
        ("string", "Grade. The value can be typical, common, or strict.",
         {"enum": ["typical", "common", "strict"]}),
        ("string", "Kind. The value can be a or b. Uses include but are not limited to tests.",
         {"enum": ["a", "b"]}),
        ("integer", "Wait.\n- Minimum: 1\n- Maximum: 300\n- Default: 30. Unit: second",
         {"minimum": 1, "maximum": 300, "default": 30}),
        ("integer", "Wait.\n- Value range: 1 to 300\n- Default value: 30 seconds",
         {"minimum": 1, "maximum": 300, "default": 30}),
        ("integer", "- Specifies the probe interval.\n- The value ranges from 2 to 60. Unit:"
         " second.\n- The default value is 15. Unit: second.",
         {"minimum": 2, "maximum": 60, "default": 15}),
        ("boolean", "Whether to purge.\n- true: Purge.\n- false: Keep. The default value is"
         " false.", {"default": False}),
        # advice is no rule
        ("integer", "Records per page. The default value is 100. The recommended value ranges"
         " from 10 to 50.", {"default": 100}),
        ("string", "Label. It is recommended that the label contain a maximum of 64 characters.",
         {}),
        ("integer", "Page size. The value ranges from 0 to 200.\nCommonly used values are 10,"
         " 20, and 50. The default value is 200.", {"minimum": 0, "maximum": 200, "default": 200}),
        ("string", "Layout. The options are as follows: - Default : default layout - Wide : wide"
         " layout", {"enum": ["Default", "Wide"]}),
        # lists in words
        ("string", "Speed. The value can be slow, normal, or fast.",
         {"enum": ["slow", "normal", "fast"]}),
        ("string", "Tier. The value can be 1 (basic) or 2 (premium).", {"enum": ["1", "2"]}),
        ("string", "Kind. There are two value options: hot (often read) and cold (rarely read).",
         {"enum": ["hot", "cold"]}),
        ("integer", "Memory in MB. Options: 512, 1,024, and 2,048.", {"enum": [512, 1024, 2048]}),
        ("string", "State. This field is reserved, and its value can only be READY.",
         {"enum": ["READY"]}),
        ("string", "Shelf kind. The value is fixed to shelf_items.", {"enum": ["shelf_items"]}),
        ("integer", "Page size. The default value is 10. The maximum value is fixed at 1000.",
         {"default": 10}),  # a bound, not the only value
        ("string", "API version. The value is fixed at v2 and cannot be changed.",
         {"enum": ["v2"]}),
        ("string", "IP version.\n- Small boxes: The value is fixed at v4.\n- Big boxes: The "
         "value can be dualstack or v4.", {}),  # one case's value is not the field's only one
        ("string", "Vendor. The value can be Red Box, Blue Sky, or Other.",
         {"enum": ["Red Box", "Blue Sky", "Other"]}),
        ("string", "Layout {kind}:{size}:\n- kind: the disk kind\n- size: the disk size", {}),
        # what a value may contain is no list of values, and "only null" is no value
        ("string", "Name. The value can contain letters, digits, hyphens (-), and periods (.).",
         {}),
        ("string", "Order. The value can be asc or desc, indicating ascending or descending order.",
         {"enum": ["asc", "desc"]}),
        ("string", "Broadcast address. The value can only be null.", {}),
        # a value marked "(default)" in a sentence; a word that is no value of the field is not
        ("boolean", "Status. The value can only be true (default).", {"default": True}),
        ("string", "Runs on a dedicated host or in a shared pool (default). The value can be "
         "shared or dedicated.", {"enum": ["shared", "dedicated"]}),
        ("integer", "Severity, which can be 1, 2 (default), 3 or 4, indicating critical, major, "
         "minor, and informational, respectively.", {"enum": [1, 2, 3, 4], "default": 2}),
        ("string", "Policy. Values: tls-1-0, tls-1-1, and tls-1-2 (default).",
         {"enum": ["tls-1-0", "tls-1-1", "tls-1-2"], "default": "tls-1-2"}),
        ("boolean", "Whether it is on.\n- true (default) indicates that it is on.\n- false "
         "indicates that it is off.", {"default": True}),
        ("boolean", "Reverse matching. The value can be true or false (default).",
         {"default": False}),
        # "which can be a or b" said of the field lists its values; what an ID may be, a
        # bullet on one part of the value and "empty" (no word to send) list none
        ("string", "Specifies the zone type, which can be public or private.",
         {"enum": ["public", "private"]}),
        ("string", "Health check, which can be HTTP or EXEC (commands).",
         {"enum": ["HTTP", "EXEC"]}),
        ("string", "Specifies the resource ID, which can be Endpoint Service ID or Endpoint ID.",
         {}),
        ("string", "In the format {type}:{spec}.\n- spec: the disk specification, which can be "
         "large or lvs.", {}),
        ("string", "Model type, which can be empty or auto.", {}),
        ("string", "Key pair, which can be created and viewed on the console.", {}),
        ("string", "If the type is v2, the version, which can be ssh or https.", {}),
        # bullets right after an introduction, each a value and what it means
        ("string", "Boot mode. The value can be:\n- bios indicates the BIOS boot mode.\n- uefi "
         "indicates the UEFI boot mode.\nIf the image is Arm, only UEFI is supported.",
         {"enum": ["bios", "uefi"]}),
        ("string", "Sorting order.\nThe value can be:\n- asc (ascending order)\n- desc "
         "(descending order)", {"enum": ["asc", "desc"]}),
        ("string", "Quota type.\nEnumerated values:\n- CMK indicates a master key.\n- "
         "grant_per_CMK indicates the grants of a key.", {"enum": ["CMK", "grant_per_CMK"]}),
        ("string", "Origin. The default value is kms. The following values are enumerated:\n- "
         "kms indicates that KMS made it.\n- external indicates that it was imported.",
         {"enum": ["kms", "external"], "default": "kms"}),
        ("string", "Whether SSL is on.\nValid value:\n- The value 0 indicates that SSL is off.\n"
         "- The value 1 indicates that SSL is on.", {}),
        # a Range part's first line lists the values; bullets after it are about some of them
        ("string", "Status.\nRange:\nACTIVE, BUILD, REBOOT, and ERROR\nWhile rebooting:\n- "
         "ACTIVE: ACTIVE or REBOOT\n- ERROR: ERROR or REBUILD",
         {"enum": ["ACTIVE", "BUILD", "REBOOT", "ERROR"]}),
        ("string", "Port.\nValue range:\n2100-9500, 27017, and 27019\nDefault value: 8635",
         {"default": "8635"}),
        # what a value may contain, how many, a numeric span, or a clause about something
        # else is no list of values
        ("string", "Name.\nRange:\nLetters, digits, or underscores\nIt must start with a "
         "letter.", {}),
        ("string", "The name can contain letters, which can be uppercase or lowercase.", {}),
        ("string", "spec: the disk specification, which can be large or lvs.", {}),
        ("integer", "Instances, which can be 2 or more.", {}),
        ("string", "Port. The value can be 2100-9500, 27017, or 27019.", {}),
        # an interval with an open end excludes its bound; a pair in parentheses is no range
        ("number", "Ratio. Value range: [0, 100).",
         {"minimum": 0, "maximum": 100, "exclusiveMaximum": True}),
        ("number", "Weight. The value range is (0, 1].",
         {"minimum": 0, "maximum": 1, "exclusiveMinimum": True}),
        ("integer", "Count. Value range: (0, 100).", {"minimum": 1, "maximum": 99}),
        ("number", "Point. A pair (1, 2) of coordinates.", {}),
        # values split by bars, or by commas up to the sentence's end, after an introduction
        ("string", "Order. Enumerated values: asc | desc. Default: desc.",
         {"enum": ["asc", "desc"], "default": "desc"}),
        ("string", "Mode. Possible values: fast, safe. Default: safe.",
         {"enum": ["fast", "safe"], "default": "safe"}),
        ("string", "Mode. Possible values: fast, safe, etc. Default: safe.", {"default": "safe"}),
        ("integer", "Size. Possible values: 1,000, 2,000, 5,000", {"enum": [1000, 2000, 5000]}),
        ("string", "Methods, joined by bars. Value: GET|POST|PUT", {}),  # one value
        ("string", "Month. Values: 2020-01, 2020-02, or 2020-03.",
         {"enum": ["2020-01", "2020-02", "2020-03"]}),
        ("string", "Unit. Options:\n- This indicates the unit.\n- It means the size.", {}),
        # a long list that ends without "or" is read in linear time (untrusted text)
        ("integer", "Day, which can be " + ", ".join(map(str, range(1, 31))) + " and so on.",
         {}),
        # a listed value that reads like a placeholder is still a value
        ("string", "Auth mode.\n- NONE\n- APP\nDefault: NONE\nEnumeration values:\n- NONE\n- APP",
         {"enum": ["NONE", "APP"], "default": "NONE"}),
        ("string", "Auth mode.\nDefault: None", {}),
        ("string", "Auth. The value can be NONE, APP, or IAM. The default value is NONE.",
         {"enum": ["NONE", "APP", "IAM"], "default": "NONE"}),
        # formats: date-time needs a time zone
        ("string", "Start, in YYYY-MM-DDTHH:MM:SS format.", {}),
        ("string", "Start, in yyyy-MM-ddTHH:mm:ssZ format.", {"format": "date-time"}),
        ("string", "Start, in %YYYY-%mm-%ddT%HH:%MM:%SSZ format.", {"format": "date-time"}),
        # a default out of the stated bounds: widens them only where the text says what it means
        ("integer", "Limit. The value ranges from 1 to 1000. The default value is 0, which "
         "means no limit.", {"minimum": 0, "maximum": 1000, "default": 0}),
        ("integer", "Timeout.\nValue range: 1-300.\nDefault: 600 (10 minutes)",
         {"minimum": 1, "maximum": 300}),
        ("integer", "Port. The value must be greater than 0. Default: 0", {"minimum": 1}),
        ("integer", "Size.\nMinimum: 1\nDefault: 0\nThe value of 0 is invalid.", {"minimum": 1}),
        ("integer", "Count. The value can be 1, 2, or 3. Default: 0 (no limit)",
         {"enum": [1, 2, 3]}),
        # "." before a capital ends a sentence, it joins no parts; a label before a layout
        ("string", "Updated. The format is ISO8601:YYYY-MM-DDThh:mm:ssZ.",
         {"format": "date-time"}),
        ("string", "Log format. The format is JSON.The value can be json or xml.",
         {"enum": ["json", "xml"]}),
        ("string", "Since. The value is in the format of Operator:UTC time. The UTC time is in "
         "the yyyy-MM-ddThh:mm:ssZ format.", {}),
        # "The value of Default is ..." says what the listed value Default stands for
        ("string", "Ciphers. The value is Default or Strict.\nThe value of Default is AES-GCM."
         "\nThe default value is Default.", {"enum": ["Default", "Strict"], "default": "Default"}),
        # "X is selected by default": a verb, no value
        ("string", "Mode. If this parameter is not specified, flavor is selected by default.",
         {}),
        # the value named as the parameter's
        ("integer", "IP version. The value of this parameter can be 4 or 6.", {"enum": [4, 6]}),
        ("string", "Host. The value of this field can only be dedicated or shared.",
         {"enum": ["dedicated", "shared"]}),
        # date-time: every layout the text allows has a zone
        ("string", "Start. The format is yyyy-MM-ddThh:mm:ssZ or yyyy-MM-dd hh:mm:ss.", {}),
        # words listed for a part of a composed value are none of its values
        ("string", "Since. The value is in the format of Operator:UTC time. The following "
         "operators are supported:\n- gt: greater than\n- lt: less than", {}),
        ("string", "Window. The default value is -1.-1.60. The format is start.end.minutes. "
         "Parameter description:\n- start: start time\n- end: end time\n- minutes: length",
         {"default": "-1.-1.60"}),
        ("string", "Build. The format is name.version. The value can be app.v1 or app.v2.",
         {"enum": ["app.v1", "app.v2"]}),
        ("string", "Start time in UTC, for example, 2020-01-02T03:04:05Z.",
         {"format": "date-time"}),
        ("string", "Owner. The value is an IPv4 address.", {"format": "ipv4"}),
        ("string", "Link ID. The value is a UUID containing 36 characters.",
         {"format": "uuid", "minLength": 36, "maxLength": 36}),
        ("string", "Link. The value is a UUID containing 36 characters or an IPv4 address.", {}),
        # typeset dashes and minus signs read as the hyphen; a length in brackets
        ("integer", "Size. Value range: 1\u20135.", {"minimum": 1, "maximum": 5}),
        ("integer", "Offset. Value range: \u221210 \u2014 10.", {"minimum": -10, "maximum": 10}),
        ("string", "Name. The value contains 1\u201364 characters.",
         {"minLength": 1, "maxLength": 64}),
        ("string", "Name. Length: [1, 64] characters.", {"minLength": 1, "maxLength": 64}),
        # bounds as inequality signs; a strict one ("0 <") is no inclusive bound
        ("integer", "Count. The value must be \u2265 0.", {"minimum": 0}),
        ("number", "Ratio. 0 < f \u2264 50.", {"maximum": 50}),
        ("integer", "Size. >= 1 and <= 10.", {"minimum": 1, "maximum": 10}),
        # a step every value is a multiple of; not one case's, not an error's negation
        ("integer", "Disk size. The value must be a multiple of 10. The unit is GB.",
         {"multipleOf": 10}),
        ("integer", "Size in GB, from 10 to 1000, in increments of 10.",
         {"minimum": 10, "maximum": 1000, "multipleOf": 10}),
        ("integer", "Length. It must be an integer multiple of 8 and ranges from 8 to 512.",
         {"minimum": 8, "maximum": 512, "multipleOf": 8}),
        ("number", "Ratio. The value is a multiple of 0.5.", {"multipleOf": 0.5}),
        ("integer", "Size. An error is returned if the size is not a multiple of 10.", {}),
        ("integer", "Size. For SSD disks, the value must be a multiple of 50.", {}),
        ("string", "Key. The value must be a multiple of 8 characters.", {}),
        ("integer", "vCPUs. The memory in MB must be a multiple of 1024, and the number of "
         "vCPUs must be a multiple of 2.", {}),  # two steps of two things: neither
        ("number", "Ratio. The value ranges from 1 to 4, in increments of 0.1.",
         {"minimum": 1, "maximum": 4, "multipleOf": 0.1}),  # 1 is a multiple of 0.1
        # a power, as the readers write a superscript
        ("integer", "Quota. The value ranges from 0 to 2^63-1.",
         {"minimum": 0, "maximum": 9223372036854775807}),
        # bounds in the field's own unit are its bounds; in another unit, or in two, none
        ("integer", "Disk size, in GB. The value ranges from 10 GB to 2,000 GB.",
         {"minimum": 10, "maximum": 2000}),
        ("integer", "Timeout in seconds. Value range: 1s-300s.", {"minimum": 1, "maximum": 300}),
        ("integer", "Disk size, in MB. The value ranges from 1 GB to 10 GB.", {}),
        ("integer", "Quota in MB. Value range: 1 MB to 1 GB.", {}),
        ("integer", "Timeout, in ms. Value range: 1s-90s.", {}),
    ],
)  # fmt: skip
def test_phrasings(kind: str, text: str, expected: dict[str, Any]) -> None:
    schema: dict[str, Any] = {"type": kind}
    apply_constraints(schema, text)
    assert {k: v for k, v in schema.items() if k != "type"} == expected


def test_a_step_the_minimum_is_no_multiple_of_is_reported_not_kept() -> None:
    schema: dict[str, Any] = {"type": "integer"}
    found = apply_constraints(schema, "Port. The value ranges from 5 to 95, in steps of 10.")
    assert schema == {"type": "integer", "minimum": 5, "maximum": 95}
    assert found.conflicts == [
        "a multiple of 10 against minimum 5, which is none; multipleOf dropped"
    ]
    schema = {"type": "integer", "multipleOf": 10, "default": 25}
    apply_constraints(schema, "Size. The default value is 25.")
    assert "default" not in schema  # its own schema rejects it


def test_a_value_named_default_heads_its_bullet_and_is_no_default_label() -> None:
    schema: dict[str, Any] = {"type": "string"}
    text = "Layout. The options are as follows: - Default : default layout - Wide : wide layout"
    found = apply_constraints(schema, text)
    assert (schema.get("enum"), schema.get("default"), found.conflicts) == (
        ["Default", "Wide"],
        None,
        [],
    )


def test_array_sizes_and_item_keywords() -> None:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    apply_constraints(schema, "Tags.\nArray length: 1 to 20\nMinimum: 1\nMaximum: 32")
    assert schema == {
        "type": "array",
        "items": {"type": "string", "minLength": 1, "maxLength": 32},
        "minItems": 1,
        "maxItems": 20,
    }
    schema = {"type": "array", "items": {"type": "string"}}
    apply_constraints(schema, "Filters. The value can be on or off.\nArray Length: 0 - 10")
    assert schema == {
        "type": "array", "items": {"type": "string", "enum": ["on", "off"]}, "maxItems": 10
    }  # fmt: skip


def test_list_sizes_said_of_the_list_itself() -> None:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    apply_constraints(schema, "Tags. This list cannot be an empty list. The list can contain "
                      "up to 20 keys.")  # fmt: skip
    assert (schema["minItems"], schema["maxItems"]) == (1, 20)
    per_element: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    apply_constraints(per_element, "Tags. Each key can have a maximum of 10 values.")
    assert "maxItems" not in per_element


@pytest.mark.parametrize(
    ("name", "text", "size"),
    [
        ("ids", "Audit logs. A maximum of 50 audit log IDs are allowed in a request.", 50),
        ("local_subnets", "Subnets. A maximum of 50 local subnets can be specified.", 50),
        ("values", "Tag values. Each tag contains a maximum of 10 values.", 10),
        ("tags", "Tags. Up to 20 tags are allowed.", 20),
        # a count of something else: per element, characters, or a noun after "for"
        ("values", "Tag values. Each value contains a maximum of 255 Unicode characters.", None),
        ("tags", "Tags. A maximum of 10 keys for tags are included.", None),
        ("tags", "Tags. Each tag key can have a maximum of 10 tag values.", None),
        ("tags", "Tags. Each key can have up to 10 values.", None),
        # a case's count, and advice, hold for some requests only
        ("tags", "Tags. For a free instance, a maximum of 5 tags can be added.", None),
        ("tags", "Tags. It is recommended to add up to 3 tags.", None),
        # a quota, or a plan, is not what the API accepts
        ("rules", "Rules. By default, a group can contain up to 50 rules.", None),
        ("ids", "IDs. Only 1 ID is supported. In the future, up to 100 IDs will be.", None),
    ],
)
def test_a_count_of_what_the_list_is_named_after_is_its_size(
    name: str, text: str, size: int | None
) -> None:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    apply_constraints(schema, text, name)
    assert schema.get("maxItems") == size


def test_an_untyped_array_whose_prose_lists_values_holds_strings_of_the_list() -> None:
    schema: dict[str, Any] = {"type": "array"}
    found = apply_constraints(schema, "Policies. The value can be tls-1-0, tls-1-1, or tls-1-2.")
    assert schema == {
        "type": "array", "items": {"type": "string", "enum": ["tls-1-0", "tls-1-1", "tls-1-2"]}
    }  # fmt: skip
    assert found.items_from_list
    untouched: dict[str, Any] = {"type": "array"}
    assert not apply_constraints(untouched, "Policies. At most 10 characters each.").items_from_list
    assert untouched == {"type": "array"}


def test_audit_drops_what_the_schema_or_location_contradicts() -> None:
    spec: dict[str, Any] = {
        "paths": {"/v1/{id}": {"get": {"parameters": [
            {"name": "id", "in": "path", "schema": {"type": "string", "default": "abc"},
             "description": "ID."},
            {"name": "n", "in": "query", "schema": {"type": "integer", "default": 5, "maximum": 3},
             "description": "Count."},
            {"name": "q", "in": "query", "schema": {"type": "string"},
             "description": "Query.\nMaximum: 9\nDefault: x"},
        ], "responses": {}, "x-subresources": [{"key": "acl", "parameters": [
            {"name": "acl", "in": "query", "schema": {"type": "string", "pattern": "(?P<x>a)"}},
        ]}]}}},
        "components": {"schemas": {"Box": {"type": "object", "properties": {
            "code": {"type": "string", "pattern": "(?P<x>a)", "description": "Code.",
                     "x-doc-source": {"file": "box.html"}},
            "tag": {"type": "string", "description": "Tag; regular expression: see the console.",
                    "x-doc-source": {"file": "box.html"}},
            "size": {"type": "integer", "enum": [1, "two"], "default": "N/A"},
            "auth": {"type": "string", "enum": ["NONE", "APP"], "default": "NONE"},
            "mode": {"type": "string", "default": "NONE"},
        }}}},
    }  # fmt: skip
    found = audit_constraints(spec)
    params = spec["paths"]["/v1/{id}"]["get"]["parameters"]
    assert params[0]["schema"] == {"type": "string"}
    assert params[1]["schema"] == {"type": "integer", "maximum": 3}
    assert params[2]["schema"] == {"type": "string"}  # prose is the interpreter's to read
    sub = spec["paths"]["/v1/{id}"]["get"]["x-subresources"][0]["parameters"][0]
    assert sub["schema"] == {"type": "string"}  # a sub-resource operation's too
    props = spec["components"]["schemas"]["Box"]["properties"]
    assert "pattern" not in props["code"]
    assert props["size"] == {"type": "integer"}
    assert props["auth"]["default"] == "NONE"  # a listed value, not a placeholder
    assert "default" not in props["mode"]
    reasons = sorted(d.reason for d in found)
    assert len(reasons) == 3 and all(d.kind == "constraint:pattern" for d in found)
    assert "Box.code: pattern dropped" in reasons[0]
    assert "Box.tag: the description states a regular expression" in reasons[1]
    assert "GET /v1/{id}?acl query acl: pattern dropped" in reasons[2]  # which entry
    assert keyword_counts(spec) == {"default": 1, "enum": 1, "maximum": 1}


def test_a_numbers_regular_expression_is_reported_only_when_it_says_more() -> None:
    """An integer's expression that accepts every value its keywords name restates them;
    one that rejects a bound is a conflict to report; one with nothing to compare stays."""

    def field(description: str, **keywords: Any) -> dict[str, Any]:
        return {
            "type": "integer",
            "description": description,
            **keywords,
            "x-doc-source": {"file": "page.html"},
        }

    spec: dict[str, Any] = {"components": {"schemas": {"Page": {"type": "object", "properties": {
        "limit": field("Size.\nRegular expression matching: ^([1-9]|[1-9][0-9]|100)$",
                       minimum=1, maximum=100, default=10),
        "offset": field("Offset.\nRegular expression matching: ^(0|[1-9]|[1-9][0-9])$",
                        minimum=0, maximum=999),
        "count": field("Count.\nRegular expression matching: ^[0-9]+$"),
    }}}}}  # fmt: skip
    reasons = sorted(d.reason for d in audit_constraints(spec))
    assert reasons == [
        "Page.count: the description states a regular expression; no pattern: the field is "
        "of type integer, not a string",
        "Page.offset: the description states a regular expression; no pattern: the field is "
        "of type integer, not a string, and it rejects 999, which the field's keywords allow",
    ]


def test_stated_but_unclear_constraints_are_counted_not_guessed() -> None:
    schema: dict[str, Any] = {"type": "integer"}
    found = apply_constraints(schema, "The value range is (0, ∞). Obtain it from the console.")
    assert found.stated == {"range"}
    assert found.extracted == set()
    assert schema == {"type": "integer"}


@pytest.mark.parametrize(
    ("description", "pattern"),
    [
        ("ID that matches the regular expression ^[a-z]{8}$.", "^[a-z]{8}$"),
        ("ID. It meets the regular expression ^[A-F0-9]{64}$\nExample: AB", "^[A-F0-9]{64}$"),
        ('User. It meets the regular expression "^[a-z0-9]{1,64}$".', "^[a-z0-9]{1,64}$"),
        ("A string that matches the ^[a-z]{2,9}$ regular expression, for example, ab",
         "^[a-z]{2,9}$"),
        ("Prefix.\nThe value must match the regular expression:\n^[a-z._-]*$", "^[a-z._-]*$"),
        ("The string must comply with UUID regular expression rules.", None),
        ("It matches the regular expression rules of the console.", None),  # no pattern there
        ("Filter. The regular expression ^$ matches empty strings.", None),  # no rule
        ("A name that does not match the ^[0-9]+$ regular expression.", None),
        ("Regular expression ^[a-z]*$ is recommended.", None),
        ("The value is ^[a-z]+$\nRegular expression support: yes", None),
        ("ID. It matches the regular expression [a-f0-9]{32}.", "[a-f0-9]{32}"),  # unanchored
        ("Answer. It must match the regular expression ^(yes|no)$", "^(yes|no)$"),  # no, kept
        ('Quote. It matches the regular expression "[^"]+"', '"[^"]+"'),  # quotes inside
        ("- Format: matches the regular expression ^[a-z]+$.", "^[a-z]+$"),  # a label, no case
        # the rule for every value wins over one case's, wherever the bullets put it
        ("A key.\n- Key ID: matches ^[0-9a-z]{8}$ regular expression\n- Alias: matches "
         "^alias/[a-z]+$ regular expression.\nThe value matches the regular expression "
         "^.{1,64}$.", "^.{1,64}$"),
        # a bullet naming one case of the value: its pattern is not every value's
        ("A key ID or an alias.\n- Key ID: a string that matches the ^[0-9a-z]{8}$ regular "
         "expression\n- Alias: alias/ followed by the name", None),
    ],
)  # fmt: skip
def test_a_pattern_stated_in_a_sentence_is_read_on_either_side_of_the_words(
    description: str, pattern: str | None
) -> None:
    schema: dict[str, Any] = {"type": "string"}
    apply_constraints(schema, description)
    assert schema.get("pattern") == pattern


def test_a_pattern_stated_for_one_listed_case_is_reported_as_such() -> None:
    """The field keeps no pattern, and the report says why: it holds for one case only. A
    regular expression named by its format (UUID) is no loss: nothing to report."""
    description = (
        "The key ID or its alias.\n- Key ID: a string that matches the ^[0-9a-z]{8}$ "
        "regular expression\n- Alias: alias/ followed by the name"
    )
    spec: dict[str, Any] = {"components": {"schemas": {"Sign": {"type": "object", "properties": {
        "key_id": {"type": "string", "description": description,
                   "x-doc-source": {"file": "sign.html"}},
        "vpc_id": {"type": "string", "format": "uuid", "x-doc-source": {"file": "sign.html"},
                   "description": "The string must comply with UUID regular expression rules."},
    }}}}}  # fmt: skip
    found = audit_constraints(spec)
    assert [d.reason for d in found] == [
        "Sign.key_id: the description states a regular expression; no pattern: the regular "
        "expression is stated for one listed case ('Key ID') only"
    ]


@pytest.mark.parametrize(
    ("description", "stated"),
    [
        ("ID that matches the regular expression ^[a-z]{8}$.", True),
        ("The string must comply with UUID regular expression rules.", True),
        ("A string that matches the ^[a-z]{2,64}$ regular expression, for example, ab", True),
        ("Name. Regular expression matching: ^[a-z]+$", True),
        ("Name. It must be matched against the regular expression ^[a-z]+$.", True),
        ("Name, in compliance with the regular expression ^[a-z]+$.", True),
        ("Value restriction: regular expression ^[a-z]{1,64}$", True),
        ("Match mode. - EQUAL_TO: exact match. - REGEX: regular expression match", False),
        ("Set to EQUAL_TO (exact match) or REGEX (regular expression match).", False),
        ("Regular expression of the topic of a task.", False),
        ("Regular expression matching of Kubernetes pods.", False),
        ("Type. Currently, regular expression, JSON and delimiters are supported.", False),
    ],
)
def test_a_regular_expression_is_stated_only_when_a_value_must_match_one(
    description: str, stated: bool
) -> None:
    """Naming a regular expression (an option, what the field holds) states no pattern, so
    a field whose value is a regular expression gets no "no pattern" warning."""
    found = apply_constraints({"type": "string"}, description)
    assert ("pattern" in found.stated) is stated


def test_seed_limit_and_enums(seeds: Path) -> None:
    result = scrape([seeds / "GetExportTasksStatusOfDataset.gitea.html.txt"])
    op = operation(result.spec, "get", "/v2/{project_id}/datasets/{dataset_id}/export-tasks")
    limit = params(op)[("query", "limit")]
    assert limit["schema"] == {
        "type": "integer",
        "format": "int32",
        "minimum": 1,
        "maximum": 100,
        "default": 10,
    }
    assert "ranges from 1 to 100" in limit["description"]
    assert params(op)[("query", "export_type")]["schema"]["enum"] == [0, 1, 2, 3]
    schemas = result.spec["components"]["schemas"]
    assert schemas["SearchProp"]["properties"]["op"]["enum"] == ["AND", "OR"]
    assert schemas["ExportParams"]["properties"]["export_dest"]["enum"] == ["DIR", "NEW_DATASET"]
    assert schemas["ExportParams"]["properties"]["export_dest"]["default"] == "DIR"


def test_corpus_share_of_stated_constraints_turned_into_keywords(
    html_services: dict[str, ScrapeResult],
) -> None:
    stated = extracted = 0
    for result in html_services.values():
        summary = result.report.summary.constraints
        stated += sum(summary.stated.values())
        extracted += sum(summary.extracted.values())
    assert stated >= 1000
    # A rough proxy (a word test for "stated"): placeholders and "If X, the default is Y"
    # rightly stay prose now. The judged sample below is the measure of accuracy.
    assert extracted / stated >= 0.88


def _scrape_one_table(
    tmp_path: Path, rows: str, example: str | None = None
) -> tuple[dict[str, Any], ScrapeResult]:
    """A GET page with one response table of `rows` (and an example): its body, its result."""
    page = tmp_path / "p.html"
    page.write_text(
        "<h1>Get</h1><h4>URI</h4><p>GET /v1/things</p><h4>Response Parameters</h4>"
        "<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        f"{rows}</table>"
        + (f"<h4>Example Responses</h4><pre>{example}</pre>" if example is not None else "")
    )
    result = scrape([page])
    body = resolve(result.spec, result.spec["paths"]["/v1/things"]["get"]["responses"]["200"]
                   ["content"]["application/json"]["schema"])  # fmt: skip
    return body, result


def test_an_example_that_contradicts_a_keyword_removes_it(tmp_path: Path) -> None:
    body, result = _scrape_one_table(
        tmp_path,
        "<tr><td>mode</td><td>String</td><td>Options: - a: first - b: second</td></tr>",
        '{"mode": "c"}',
    )
    assert "enum" not in body["properties"]["mode"]
    kinds = [d.kind for d in result.diagnostics]
    assert "doc-defect:constraint" in kinds
    assert result.report.summary.examples == {"valid": 1, "invalid": 0}


def test_an_example_on_an_open_bound_closes_it_and_one_beyond_drops_it(
    tmp_path: Path,
) -> None:
    body, result = _scrape_one_table(
        tmp_path,
        "<tr><td>ratio</td><td>Float</td><td>Value range: (0, 1].</td></tr>",
        '{"ratio": 0}',
    )
    ratio = body["properties"]["ratio"]
    assert {k: ratio[k] for k in ratio if k != "description"} == {  # on the bound: closed
        "type": "number", "format": "float", "minimum": 0, "maximum": 1
    }  # fmt: skip
    reasons = [d.reason for d in result.diagnostics if d.kind == "doc-defect:constraint"]
    assert any("exclusiveMinimum dropped" in r for r in reasons)
    (tmp_path / "below").mkdir()
    body, _ = _scrape_one_table(
        tmp_path / "below",
        "<tr><td>ratio</td><td>Float</td><td>Value range: (0, 1].</td></tr>",
        '{"ratio": -1}',
    )
    assert "minimum" not in body["properties"]["ratio"]  # below it: the bound goes with its flag
    assert "exclusiveMinimum" not in body["properties"]["ratio"]


def test_a_default_its_own_bounds_reject_is_dropped_or_widens_them_and_is_reported(
    tmp_path: Path,
) -> None:
    """A default whose meaning the text gives ("-1 indicates that all are kept", "0 (no
    wait)") widens the bound it breaks; one without ("The value 0 is invalid.") is dropped.
    Both are reported."""
    body, result = _scrape_one_table(
        tmp_path,
        "<tr><td>keep</td><td>Integer</td><td>Copies kept. -1 indicates that all are kept.<br/>"
        "Minimum: 1<br/>Maximum: 500<br/>Default: -1</td></tr>"
        "<tr><td>wait</td><td>Integer</td><td>Wait.<br/>Range: 30 to 1200<br/>"
        "Default: 0 (no wait)</td></tr>"
        "<tr><td>size</td><td>Integer</td><td>Size. The value 0 is invalid.<br/>Minimum: 1<br/>"
        "Default: 0</td></tr>"
        "<tr><td>mode</td><td>String</td><td>The value can be fast or slow. Default: medium"
        "</td></tr>",
    )
    props = body["properties"]
    assert [props["keep"].get(k) for k in ("minimum", "maximum", "default")] == [-1, 500, -1]
    assert [props["wait"].get(k) for k in ("minimum", "maximum", "default")] == [0, 1200, 0]
    assert [props["size"].get(k) for k in ("minimum", "default")] == [1, None]
    assert props["mode"]["enum"] == ["fast", "slow"]
    assert "default" not in props["mode"]
    reasons = sorted(d.reason for d in result.diagnostics if d.kind == "constraint:conflict")
    assert reasons == [
        "field 'keep': default -1 against minimum 1, the text giving it a meaning of "
        "its own; minimum widened to it",
        'field \'mode\': default "medium" against enum ["fast", "slow"]; default dropped',
        "field 'size': default 0 against minimum 1; default dropped",
        "field 'wait': default 0 against minimum 30, the text giving it a meaning of "
        "its own; minimum widened to it",
    ]


def test_a_length_the_description_states_otherwise_than_the_type_is_reported(
    tmp_path: Path,
) -> None:
    """ "String(64)" with "1 to 128 characters": the description's length is the field's own
    words and is kept; the contradiction is a conflict in the report, never silence. A
    narrower length ("String(255)", "1 to 64 characters") agrees with the type."""
    body, result = _scrape_one_table(
        tmp_path,
        "<tr><td>name</td><td>String(64)</td><td>Name. It contains 1 to 128 characters."
        "</td></tr><tr><td>code</td><td>String(8)</td><td>Code. It contains 1 to 8 characters."
        "</td></tr><tr><td>tag</td><td>String(255)</td><td>Tag. It contains 1 to 64 characters."
        "</td></tr>",
    )
    props = body["properties"]
    assert [props["name"].get(k) for k in ("minLength", "maxLength")] == [1, 128]
    assert [props["code"].get(k) for k in ("minLength", "maxLength")] == [1, 8]
    assert [props["tag"].get(k) for k in ("minLength", "maxLength")] == [1, 64]  # narrower
    reasons = [d.reason for d in result.diagnostics if d.kind == "constraint:conflict"]
    assert reasons == [
        "field 'name': the type gives maxLength 64, the description 128; the description's "
        "is kept (the field's own words)"
    ]


def test_a_null_example_value_keeps_the_listed_values(tmp_path: Path) -> None:
    body, result = _scrape_one_table(
        tmp_path,
        "<tr><td>mode</td><td>String</td><td>Options: - a: first - b: second</td></tr>",
        '{"mode": null}',
    )
    mode = body["properties"]["mode"]
    assert mode["nullable"] is True
    assert mode["enum"] == ["a", "b", None]
    assert "doc-defect:constraint" not in [d.kind for d in result.diagnostics]
    assert result.report.summary.examples == {"valid": 1, "invalid": 0}


def test_merged_pages_examples_are_checked_against_their_closest_alternative(
    tmp_path: Path,
) -> None:
    """DNS: public and private zone pages share `GET /v2/zones/{id}`; the body is `anyOf`
    both. A keyword an example contradicts goes from the alternative the example comes
    closest to (the example is kept), and an example that still fails says which
    alternative it comes closest to and why."""

    def zone_page(kind: str, example: str) -> str:
        return (
            f"<h1>Querying a {kind} Zone</h1><h4>URI</h4><p>GET /v2/zones/{{id}}</p>"
            "<h4>Response Parameters</h4>"
            "<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
            "<tr><td>created_at</td><td>String</td><td>Time, in RFC 3339 format.</td></tr>"
            f"<tr><td>{kind.lower()}</td><td>Integer</td><td>Count.</td></tr></table>"
            f"<h4>Example Responses</h4><pre>{example}</pre>"
        )

    public, private = tmp_path / "public.html", tmp_path / "private.html"
    public.write_text(zone_page("Public", '{"created_at": "2017-04-22T08:17:08.997"}'))
    private.write_text(zone_page("Private", '{"created_at": 5}'))
    result = scrape([public, private])
    content = result.spec["paths"]["/v2/zones/{id}"]["get"]["responses"]["200"]["content"]
    branches = [resolve(result.spec, b) for b in content["application/json"]["schema"]["anyOf"]]
    assert ["format" in b["properties"]["created_at"] for b in branches].count(False) == 1
    kept = content["application/json"]["examples"]
    assert [e["value"] for e in kept.values()] == [{"created_at": "2017-04-22T08:17:08.997"}]
    reasons = {d.kind: d.reason for d in result.diagnostics}
    assert 'contradicts format "date-time"' in reasons["doc-defect:constraint"]
    assert reasons["doc-defect:example"].endswith(
        "$ fits none of 2 alternatives; against #1 (its page's, else the closest): "
        "$.created_at: 5 is not of type 'string'"
    )


def test_an_example_report_names_every_place_it_fails_also_within_a_choice(
    tmp_path: Path,
) -> None:
    """One report per example names where else it fails, in the example's order (up to
    three, then how many more); for a failed choice among merged pages' bodies, the other
    places within the alternative it is explained by."""

    def page(name: str, title: str, fields: list[str], example: str) -> Path:
        rows = "".join(f"<tr><td>{f}</td><td>Integer</td><td>Count.</td></tr>" for f in fields)
        path = tmp_path / name
        path.write_text(
            f"<h1>{title}</h1><h4>URI</h4><p>GET /v2/zones/{{id}}</p>"
            "<h4>Response Parameters</h4>"
            f"<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>{rows}</table>"
            f"<h4>Example Responses</h4><pre>{example}</pre>"
        )
        return path

    fields = ["a", "b", "c", "d", "e"]
    shown = json.dumps(dict.fromkeys(fields, "x"))
    result = scrape([page("one.html", "Querying a Zone", fields, shown)])
    reasons = [d.reason for d in result.diagnostics if d.kind == "doc-defect:example"]
    assert reasons == [
        "ShowZone 200 response example: $.e: 'x' is not of type 'integer' "
        "(also at $.a, $.b, $.c and 1 more)"  # the first reported is jsonschema's best match
    ]
    public = page("public.html", "Querying a Public Zone", ["p", "q", "public"], "{}")
    private = page(
        "private.html", "Querying a Private Zone", ["p", "q", "private"], '{"p": "x", "q": "y"}'
    )
    result = scrape([public, private])
    reasons = [d.reason for d in result.diagnostics if d.kind == "doc-defect:example"]
    assert len(reasons) == 1
    assert reasons[0].endswith(
        "against #1 (its page's, else the closest): $.p: 'x' is not of type 'integer' (also at $.q)"
    )


def test_the_places_a_map_example_fails_at_come_in_the_examples_order(tmp_path: Path) -> None:
    """jsonschema gives a map's errors in the order of a set, which changes with the hash
    seed: the report is the same on every run, so it names them as the example shows them."""
    page = tmp_path / "zone.html"
    page.write_text(
        "<h1>Querying a Zone</h1><h4>URI</h4><p>GET /v2/zones/{id}</p>"
        "<h4>Response Parameters</h4>"
        "<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr>"
        "<tr><td>counts</td><td>Map&lt;String,Integer&gt;</td><td>Counts by name.</td></tr>"
        "</table><h4>Example Responses</h4><pre>"
        + json.dumps({"counts": dict.fromkeys(["z1", "a2", "m3", "b4", "y5"], "x")})
        + "</pre>"
    )
    (reasons,) = _reasons_under_hash_seeds([page], "doc-defect:example")
    assert "(also at $.counts.a2, $.counts.m3, $.counts.b4 and 1 more)" in reasons


def _reasons_under_hash_seeds(pages: list[Path], kind: str) -> set[str]:
    """The reasons of one kind of diagnostic, each distinct run's, the pages scraped in
    processes with different hash seeds (a set's order changes with the seed)."""
    script = (
        "import sys; from pathlib import Path; from doc2openapi.scraper.pipeline import scrape;"
        "print([d.reason for d in scrape([Path(p) for p in sys.argv[2:]]).diagnostics"
        " if d.kind == sys.argv[1]])"
    )
    return {
        subprocess.run(
            [sys.executable, "-c", script, kind, *map(str, pages)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3", "4", "5")
    }  # fmt: skip


def test_a_constraint_dropped_within_a_choice_names_the_same_map_value_on_every_run(
    tmp_path: Path,
) -> None:
    """Two pages share GET /v2/zones/{id}; the public page's example breaks the range of
    every value of a map. The errors within the chosen alternative come from jsonschema in
    a set's order too: the report names the first value as the example shows it."""
    counts = {key: {"n": n} for key, n in zip(["z1", "a2", "m3"], [50, 60, 70], strict=True)}
    public = table(
        "Table 1 Response body", RESPONSE_HEADER, ("counts", "Map<String,ZoneCount>", "By name.")
    ) + table(
        "Table 2 ZoneCount", RESPONSE_HEADER, ("n", "Integer", "The value ranges from 1 to 10.")
    )
    private = table("Table 1 Response body", RESPONSE_HEADER, ("counts", "String", "Count."))
    for name, response, example in [
        ("public.rst", public, json.dumps({"counts": counts})),
        ("private.rst", private, '{"counts": "x"}'),
    ]:
        (tmp_path / name).write_text(
            rst_page(
                f"Querying a {name[:-4].title()} Zone",
                ("URI", "GET /v2/zones/{id}"),
                ("Response", response),
                ("Example Response", f".. code-block::\n\n   {example}\n"),
            )
        )
    pages = sorted(tmp_path.glob("*.rst"))
    (reasons,) = _reasons_under_hash_seeds(pages, "doc-defect:constraint")
    assert "$.counts.z1.n = 50 contradicts maximum 10" in reasons


def test_a_merged_pages_example_is_checked_against_its_own_pages_alternative(
    tmp_path: Path,
) -> None:
    """SMN: three pages document `POST .../publish`, each with its own required field. The
    example of the page whose list its own example contradicts fails the other pages'
    alternatives as much (a required field missing): it is its own page's evidence, so the
    list goes and the example stays."""

    def publish_page(field: str, description: str, example: str) -> str:
        return (
            f"<h1>Publishing by {field}</h1><h4>URI</h4><p>POST /v1/publish</p>"
            "<h4>Request Parameters</h4><table><tr><th>Parameter</th><th>Mandatory</th>"
            f"<th>Type</th><th>Description</th></tr><tr><td>{field}</td><td>Yes</td>"
            f"<td>String</td><td>{description}</td></tr></table>"
            f"<h4>Example Request</h4><pre>{example}</pre>"
        )

    text, structure = tmp_path / "a.html", tmp_path / "b.html"
    text.write_text(publish_page("message", "Text.", '{"message": "hi"}'))
    structure.write_text(publish_page(
        "message_structure", "JSON. Formats supported:<br/>- message<br/>- message_structure",
        '{"message_structure": "{\\"default\\": \\"hi\\"}"}',
    ))  # fmt: skip
    result = scrape([text, structure])
    body = result.spec["paths"]["/v1/publish"]["post"]["requestBody"]["content"]
    branches = [resolve(result.spec, b) for b in body["application/json"]["schema"]["anyOf"]]
    assert "enum" not in branches[1]["properties"]["message_structure"]
    assert len(body["application/json"]["examples"]) == 2
    kinds = [d.kind for d in result.diagnostics]
    assert "doc-defect:constraint" in kinds and "doc-defect:example" not in kinds


# -- the whole corpus, and the judged sample --------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from constraint_accuracy import load_sample, score  # noqa: E402
from constraint_fields import spec_fields  # noqa: E402

PLACEHOLDER_DEFAULTS = {"n/a", "na", "null", "none", "-", "--", ""}


@pytest.fixture(scope="module")
def corpus_specs(catalog: dict[str, ScrapeResult]) -> dict[str, ScrapeResult]:
    """Every service of both renderings, with provenance: the sample names fields by it."""
    return catalog


def test_judged_sample_scores(corpus_specs: dict[str, ScrapeResult]) -> None:
    sample = load_sample()
    assert len(sample) >= 300
    assert len({e["service"] for e in sample}) >= 20
    result = score(sample, {name: r.spec for name, r in corpus_specs.items()})
    # A judged field is found by its table and row (provenance); a table merged into an
    # identical component elsewhere keeps that one's, so a few fields cannot be found again.
    assert len(result["missing"]) <= 0.02 * len(sample), result["missing"]
    overall = result["kinds"]["overall"]
    assert overall["f1"] >= 0.95
    assert overall["precision"] >= 0.97
    for kind, row in result["kinds"].items():
        if row["occurrences"] >= 20:
            assert row["f1"] >= 0.9, kind


def test_corpus_defaults_are_values_of_their_schema(corpus_specs: dict[str, ScrapeResult]) -> None:
    from openapi_schema_validator import OAS30Validator

    checked = 0
    for name, result in corpus_specs.items():
        for fld in spec_fields(result.spec):
            schema = fld.schema
            if "default" not in schema:
                continue
            checked += 1
            default = schema["default"]
            where = f"{name} {fld.where}"
            assert fld.location != "path", where
            listed = default in schema.get("enum", [])  # "Default: NONE", NONE a listed value
            assert listed or not (isinstance(default, str) and default.strip().lower() in
                                  PLACEHOLDER_DEFAULTS), where  # fmt: skip
            rules = {k: v for k, v in schema.items() if k not in ("default", "description")}
            assert OAS30Validator(rules).is_valid(default), where
    assert checked >= 500


def _restates_its_keywords(schema: dict[str, Any], description: str) -> bool:
    """A number whose labelled expression accepts each of its bounds, default and values."""
    label = re.search(r"regular expression matching\W*(\^\S+)", description, re.I)
    named = [schema[k] for k in ("minimum", "maximum", "default") if k in schema]
    named += schema.get("enum", [])
    return (
        schema.get("type") in ("integer", "number") and label is not None and bool(named)
        and all(re.search(label.group(1), str(value)) for value in named)
    )  # fmt: skip


def test_corpus_stated_regular_expressions_have_a_pattern_or_a_reason(
    corpus_specs: dict[str, ScrapeResult],
) -> None:
    stated = 0
    for name, result in corpus_specs.items():
        explained = " ".join(
            d.reason for d in result.report.diagnostics
            if d.kind in ("constraint:pattern", "doc-defect:constraint")
        )  # fmt: skip
        for fld in spec_fields(result.spec):
            if "pattern" not in apply_constraints({"type": "string"}, fld.description).stated:
                continue
            stated += 1
            items = fld.schema.get("items") if fld.schema.get("type") == "array" else None
            targets = [fld.schema, items] if isinstance(items, dict) else [fld.schema]
            # a pattern, a named string format ("comply with UUID regular expression rules"),
            # or a number's keywords that the expression restates
            has = any("pattern" in t or t.get("format", "int32") not in TYPE_FORMATS
                      for t in targets)  # fmt: skip
            has = has or _restates_its_keywords(fld.schema, fld.description)
            field = fld.where.split(" ")[-1]
            prop = field.rsplit(".", 1)[-1]
            assert has or field in explained or f".{prop} = " in explained, f"{name} {fld.where}"
    assert stated >= 200


def test_report_counts_keywords_as_in_the_spec(corpus_specs: dict[str, ScrapeResult]) -> None:
    result = corpus_specs["otc-rst/dws"]
    in_spec = result.report.summary.constraints.in_spec
    assert in_spec is not None

    def without_examples(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: without_examples(v) for k, v in node.items() if k not in ("examples", "example")
            }
        return [without_examples(v) for v in node] if isinstance(node, list) else node

    spec = {k: v for k, v in result.spec.items() if k in ("paths", "components")}
    text = json.dumps(without_examples(spec))
    assert in_spec["default"] == len(re.findall(r'"default": (?![{\[])', text)) > 50


def test_structured_descriptions_read_as_their_definition_and_what_is_said() -> None:
    from doc2openapi.scraper.interpret.constraints.structure import readable

    text = "Definition\nCluster ID.\nConstraints\nN/A\nRange\n1 to 64\nDefault Value\nN/A"
    assert readable(text) == "Cluster ID.\nRange: 1 to 64"
    assert readable("The value ranges from 1 to 10.") == "The value ranges from 1 to 10."


def test_a_readable_description_keeps_its_constraints_readable() -> None:
    """readable() writes labels as "Pattern:" / "Minimum:"; a field typed later (by its
    example) has its constraints read from that text, so it must read the same."""
    from doc2openapi.scraper.interpret.constraints.structure import readable

    text = (
        "Definition\nShelf code.\nRange\nN/A\nRegular expression matching: ^s[0-9]{4}$\nMinimum: 5"
    )
    first: dict[str, Any] = {"type": "string"}
    again: dict[str, Any] = {"type": "string"}
    apply_constraints(first, text)
    apply_constraints(again, readable(text))
    assert first == again == {"type": "string", "pattern": "^s[0-9]{4}$", "minLength": 5}


@pytest.mark.parametrize(
    ("description", "enum"),
    [
        ("Status. The value can be ACTIVE, ERROR, or FREEZE.\nA fuzzy search will be performed.",
         None),
        ("Type. The value can be public or private. Fuzzy matching is supported.", None),
        ("Type. The value can be public or private. Fuzzy match is not supported.",
         ["public", "private"]),
        ("Type. The value can be public or private. Fuzzy search is currently not supported.",
         ["public", "private"]),
        ("Type. The value can be public or private. Fuzzy search is supported only for name.",
         ["public", "private"]),
        # one case's fuzzy query, said of another field's value: this field's list stands
        ("Key. If the value is empty, exact query. Otherwise, fuzzy query will be performed.\n"
         "The value can be resource_name or resource_id.", ["resource_name", "resource_id"]),
    ],
)  # fmt: skip
def test_a_filter_searched_fuzzily_takes_any_text_not_its_listed_values(
    description: str, enum: list[str] | None
) -> None:
    """ "PENDING" finds PENDING_CREATE and PENDING_UPDATE: the list names what it matches."""
    schema: dict[str, Any] = {"type": "string"}
    apply_constraints(schema, description)
    assert schema.get("enum") == enum
