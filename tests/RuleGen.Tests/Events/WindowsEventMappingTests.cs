using System;
using RuleGen.Ecs;
using RuleGen.Events;

namespace RuleGen.Tests.Events;

public sealed class WindowsEventMappingTests
{
    [Fact]
    public void Evtx_SysmonProcessCreateAllFields()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"_source_file": "lab.evtx", "Event": {
              "System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"}},
                         "EventID": 1, "Version": 5, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WS01",
                         "TimeCreated": {"#attributes": {"SystemTime": "2021-03-04T05:06:08.123456Z"}}, "EventRecordID": 77},
              "EventData": {"RuleName": "", "UtcTime": "2021-03-04 05:06:07.890",
                            "ProcessGuid": "{11111111-2222-3333-4444-555555555555}", "ProcessId": "4028",
                            "Image": "C:\\Windows\\System32\\netsh.exe", "OriginalFileName": "netsh.exe",
                            "Company": "Microsoft Corporation", "Description": "Network Command Shell",
                            "CommandLine": "netsh  interface portproxy add v4tov4 listenport=8080",
                            "CurrentDirectory": "C:\\Windows\\system32\\", "User": "LAB\\alice",
                            "Hashes": "SHA1=AAAA1111,MD5=BBBB2222,SHA256=CCCC3333,IMPHASH=DDDD4444",
                            "ParentProcessGuid": "{66666666-7777-8888-9999-000000000000}", "ParentProcessId": "6760",
                            "ParentImage": "C:\\Windows\\System32\\cmd.exe", "ParentCommandLine": "cmd  /c \"netsh interface\""}}}
            """);

        result.Format.ShouldBe(EventFormat.EvtxJson);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.InputLine.ShouldBe(1);
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2021, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
        ecsEvent.Event!.Kind.ShouldBe("event");
        ecsEvent.Event.Category.ShouldBe(new[] { "process" });
        ecsEvent.Event.Type.ShouldBe(new[] { "start" });
        ecsEvent.Event.Code.ShouldBe("1");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Sysmon");
        ecsEvent.Host!.Name.ShouldBe("WS01");

        ProcessFields process = ecsEvent.Process!;
        process.Executable.ShouldBe(@"C:\Windows\System32\netsh.exe");
        process.Name.ShouldBe("netsh.exe");
        process.CommandLine.ShouldBe("netsh  interface portproxy add v4tov4 listenport=8080");
        process.Args.ShouldBe(new[] { "netsh", "interface", "portproxy", "add", "v4tov4", "listenport=8080" });
        process.ArgsCount.ShouldBe(6);
        process.Pid.ShouldBe(4028);
        process.EntityId.ShouldBe("{11111111-2222-3333-4444-555555555555}");
        process.WorkingDirectory.ShouldBe(@"C:\Windows\system32\");
        process.Pe!.OriginalFileName.ShouldBe("netsh.exe");
        process.Pe.Company.ShouldBe("Microsoft Corporation");
        process.Pe.Description.ShouldBe("Network Command Shell");
        process.Pe.Imphash.ShouldBe("dddd4444");
        process.Hash!.Sha1.ShouldBe("aaaa1111");
        process.Hash.Md5.ShouldBe("bbbb2222");
        process.Hash.Sha256.ShouldBe("cccc3333");

        ProcessParentFields parent = process.Parent!;
        parent.Executable.ShouldBe(@"C:\Windows\System32\cmd.exe");
        parent.Name.ShouldBe("cmd.exe");
        parent.Pid.ShouldBe(6760);
        parent.CommandLine.ShouldBe("cmd  /c \"netsh interface\"");
        parent.Args.ShouldBe(new[] { "cmd", "/c", "netsh interface" });
        parent.ArgsCount.ShouldBe(3);
        parent.EntityId.ShouldBe("{66666666-7777-8888-9999-000000000000}");

        ecsEvent.User!.Name.ShouldBe("alice");
        ecsEvent.User.Domain.ShouldBe("LAB");
        ecsEvent.User.Id.ShouldBeNull();
    }

    [Fact]
    public void Evtx_SecurityProcessCreationHexPids()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {
              "System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Security-Auditing"}}, "EventID": 4688, "Version": 2,
                         "Channel": "security", "Computer": "fs01.lab.local",
                         "TimeCreated": {"#attributes": {"SystemTime": "2021-06-03T12:18:04.312222Z"}}},
              "EventData": {"SubjectUserSid": "S-1-5-21-1-2-3-1111", "SubjectUserName": "bob", "SubjectDomainName": "LAB",
                            "SubjectLogonId": "0x000000000046b7b4", "NewProcessId": "0x0000000000001048",
                            "NewProcessName": "C:\\Windows\\System32\\netsh.exe", "TokenElevationType": "%%1937",
                            "ProcessId": "0xa38", "CommandLine": "netsh  interface portproxy reset",
                            "TargetUserName": "-", "ParentProcessName": "C:\\Windows\\System32\\cmd.exe"}}}
            """);

        result.Format.ShouldBe(EventFormat.EvtxJson);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2021, 6, 3, 12, 18, 4, TimeSpan.Zero).AddTicks(3122220));
        ecsEvent.Event!.Category.ShouldBe(new[] { "process" });
        ecsEvent.Event.Type.ShouldBe(new[] { "start" });
        ecsEvent.Event.Code.ShouldBe("4688");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Security-Auditing");
        ecsEvent.Host!.Name.ShouldBe("fs01.lab.local");
        ecsEvent.Process!.Executable.ShouldBe(@"C:\Windows\System32\netsh.exe");
        ecsEvent.Process.Name.ShouldBe("netsh.exe");
        ecsEvent.Process.Pid.ShouldBe(0x1048);
        ecsEvent.Process.CommandLine.ShouldBe("netsh  interface portproxy reset");
        ecsEvent.Process.Args.ShouldBe(new[] { "netsh", "interface", "portproxy", "reset" });
        ecsEvent.Process.ArgsCount.ShouldBe(4);
        ecsEvent.Process.EntityId.ShouldBeNull();
        ecsEvent.Process.Parent!.Executable.ShouldBe(@"C:\Windows\System32\cmd.exe");
        ecsEvent.Process.Parent.Name.ShouldBe("cmd.exe");
        ecsEvent.Process.Parent.Pid.ShouldBe(0xa38);
        ecsEvent.User!.Name.ShouldBe("bob");
        ecsEvent.User.Domain.ShouldBe("LAB");
        ecsEvent.User.Id.ShouldBe("S-1-5-21-1-2-3-1111");
    }

    [Fact]
    public void Evtx_SecurityWithoutParentNameOrCommandLine()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {
              "System": {"EventID": 4688, "Version": 1, "Channel": "Security", "Computer": "PC01",
                         "TimeCreated": {"#attributes": {"SystemTime": "2019-01-02T03:04:05Z"}}},
              "EventData": {"SubjectUserSid": "S-1-5-18", "SubjectUserName": "PC01$", "SubjectDomainName": "LAB",
                            "NewProcessId": "0x1948", "NewProcessName": "C:\\Users\\u\\plink.exe",
                            "ProcessId": "0x00000cfc", "CommandLine": ""}}}
            """);

        EcsEvent ecsEvent = result.Event!;
        result.Warnings.ShouldBeEmpty();
        ecsEvent.Event!.Provider.ShouldBe("Microsoft-Windows-Security-Auditing");
        ecsEvent.Process!.Name.ShouldBe("plink.exe");
        ecsEvent.Process.Pid.ShouldBe(0x1948);
        ecsEvent.Process.CommandLine.ShouldBeNull();
        ecsEvent.Process.Args.ShouldBeNull();
        ecsEvent.Process.ArgsCount.ShouldBeNull();
        ecsEvent.Process.Parent!.Executable.ShouldBeNull();
        ecsEvent.Process.Parent.Name.ShouldBeNull();
        ecsEvent.Process.Parent.Pid.ShouldBe(0xcfc);
    }

    [Fact]
    public void Evtx_SysmonUnknownParentAndOriginalName()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {
              "System": {"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WS01",
                         "TimeCreated": {"#attributes": {"SystemTime": "2019-01-02T03:04:05Z"}}},
              "EventData": {"UtcTime": "2019-01-02 03:04:05.000", "ProcessId": "10", "Image": "C:\\a\\b.exe",
                            "OriginalFileName": "-", "CommandLine": "", "User": "SYSTEM", "ParentProcessId": "4",
                            "ParentImage": "-", "ParentCommandLine": "-"}}}
            """);

        EcsEvent ecsEvent = result.Event!;
        result.Warnings.ShouldBeEmpty();
        ecsEvent.Event!.Provider.ShouldBe("Microsoft-Windows-Sysmon");
        ecsEvent.Process!.Name.ShouldBe("b.exe");
        ecsEvent.Process.CommandLine.ShouldBeNull();
        ecsEvent.Process.Args.ShouldBeNull();
        ecsEvent.Process.Pe.ShouldBeNull();
        ecsEvent.Process.Hash.ShouldBeNull();
        ecsEvent.Process.Parent!.Executable.ShouldBeNull();
        ecsEvent.Process.Parent.Name.ShouldBeNull();
        ecsEvent.Process.Parent.CommandLine.ShouldBeNull();
        ecsEvent.Process.Parent.Args.ShouldBeNull();
        ecsEvent.Process.Parent.Pid.ShouldBe(4);
        ecsEvent.User!.Name.ShouldBe("SYSTEM");
        ecsEvent.User.Domain.ShouldBeNull();
    }

    [Fact]
    public void Evtx_SysmonWithoutUtcTimeUsesSystemTime()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational",
                                  "TimeCreated": {"#attributes": {"SystemTime": "2019-01-02T03:04:05.5Z"}}},
                       "EventData": {"Image": "C:\\a.exe"}}}
            """);

        result.Event!.Timestamp.ShouldBe(new DateTimeOffset(2019, 1, 2, 3, 4, 5, 500, TimeSpan.Zero));
    }

    [Fact]
    public void Evtx_OtherEventBaseFieldsOnly()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {
              "System": {"EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7036}, "Channel": "System", "Computer": "SRV",
                         "TimeCreated": {"#attributes": {"SystemTime": "2020-05-06T07:08:09Z"}}},
              "EventData": {"Data": ["Windows Update", "running"]}}}
            """);

        result.Format.ShouldBe(EventFormat.EvtxJson);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero));
        ecsEvent.Host!.Name.ShouldBe("SRV");
        ecsEvent.Event!.Code.ShouldBe("7036");
        ecsEvent.Event.Kind.ShouldBe("event");
        ecsEvent.Event.Provider.ShouldBeNull();
        ecsEvent.Event.Category.ShouldBeNull();
        ecsEvent.Event.Type.ShouldBeNull();
        ecsEvent.Process.ShouldBeNull();
    }

    [Fact]
    public void Evtx_EventIdOneOfOtherChannel()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-FilterManager"}}, "EventID": 1,
                                  "Channel": "System", "Computer": "SRV"},
                       "EventData": {"Image": "C:\\a.exe"}}}
            """);

        result.Event!.Event!.Code.ShouldBe("1");
        result.Event.Event.Provider.ShouldBe("Microsoft-Windows-FilterManager");
        result.Event.Event.Category.ShouldBeNull();
        result.Event.Process.ShouldBeNull();
    }

    [Fact]
    public void Evtx_EventIdStringWithoutChannel()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": "1"},
                       "EventData": {"Image": "C:\\a.exe", "ProcessId": "12"}}}
            """);

        result.Event!.Event!.Code.ShouldBe("1");
        result.Event.Event.Category.ShouldBe(new[] { "process" });
        result.Event.Process!.Pid.ShouldBe(12);
    }

    [Fact]
    public void Evtx_EventDataItemsWithNames()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"EventID": 4688, "Channel": "Security"},
                       "EventData": {"Data": [{"@Name": "NewProcessName", "#text": "C:\\x\\y.exe"}, {"@Name": "NewProcessId", "#text": "0x10"}]}}}
            """);

        result.Event!.Process!.Name.ShouldBe("y.exe");
        result.Event.Process.Pid.ShouldBe(16);
    }

    [Fact]
    public void Sysmon_InvalidProcessIdWarns()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational"},
                       "EventData": {"Image": "C:\\a.exe", "ProcessId": "0x12"}}}
            """);

        result.Event!.Process!.Name.ShouldBe("a.exe");
        result.Event.Process.Pid.ShouldBeNull();
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Line.ShouldBe(1);
        warning.Field.ShouldBe("Event.EventData.ProcessId");
        warning.Value.ShouldBe("\"0x12\"");
        warning.ExpectedType.ShouldBe("a decimal process id");
    }

    [Fact]
    public void Security_InvalidHexProcessIdWarns()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"EventID": 4688, "Channel": "Security", "Hostname": "PC", "NewProcessName": "C:\\a.exe", "NewProcessId": "0xZZ"}
            """);

        result.Event!.Process!.Pid.ShouldBeNull();
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Field.ShouldBe("NewProcessId");
        warning.ExpectedType.ShouldBe("a hexadecimal process id such as 0x1948");
        warning.Message.ShouldBe("Line 1: invalid value \"0xZZ\" in field 'NewProcessId', expected a hexadecimal process id such as 0x1948. The value was ignored.");
    }

    [Fact]
    public void Sysmon_InvalidUtcTimeFallsBack()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational",
                                  "TimeCreated": {"#attributes": {"SystemTime": "2019-01-02T03:04:05Z"}}},
                       "EventData": {"Image": "C:\\a.exe", "UtcTime": "not a time"}}}
            """);

        result.Event!.Timestamp.ShouldBe(new DateTimeOffset(2019, 1, 2, 3, 4, 5, TimeSpan.Zero));
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Field.ShouldBe("Event.EventData.UtcTime");
        warning.Value.ShouldBe("\"not a time\"");
        warning.ExpectedType.ShouldBe("date");
    }

    [Fact]
    public void Evtx_InvalidEventIdWarns()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"EventID": "one", "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WS01"}}}
            """);

        result.Event!.Event!.Code.ShouldBeNull();
        result.Event.Event.Category.ShouldBeNull();
        result.Event.Host!.Name.ShouldBe("WS01");
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Field.ShouldBe("Event.System.EventID");
        warning.ExpectedType.ShouldBe("integer");
    }

    [Fact]
    public void Sysmon_PartialHashes()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"Event": {"System": {"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational"},
                       "EventData": {"Image": "C:\\a.exe", "Hashes": "MD5=AB12,IMPHASH=CD34"}}}
            """);

        result.Event!.Process!.Hash!.Md5.ShouldBe("ab12");
        result.Event.Process.Hash.Sha1.ShouldBeNull();
        result.Event.Process.Hash.Sha256.ShouldBeNull();
        result.Event.Process.Pe!.Imphash.ShouldBe("cd34");
    }

    [Fact]
    public void NxLog_SysmonProcessCreate()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"@timestamp": "2020-06-10T09:51:05.723Z", "EventTime": "2020-06-09 22:51:04", "EventID": 1,
             "Channel": "Microsoft-Windows-Sysmon/Operational", "SourceName": "Microsoft-Windows-Sysmon",
             "Hostname": "DC01.lab.local", "ProcessID": 3520, "UtcTime": "2020-06-10 02:51:04.728",
             "ProcessGuid": "{aaaa0000-1111-2222-3333-444444444444}", "ProcessId": "2008",
             "Image": "C:\\Windows\\System32\\sppsvc.exe", "OriginalFileName": "sppsvc.exe",
             "CommandLine": "C:\\windows\\system32\\sppsvc.exe", "CurrentDirectory": "C:\\windows",
             "User": "NT AUTHORITY\\NETWORK SERVICE", "Hashes": "SHA256=EE55",
             "ParentProcessGuid": "{bbbb0000-1111-2222-3333-444444444444}", "ParentProcessId": "696",
             "ParentImage": "C:\\Windows\\System32\\services.exe", "ParentCommandLine": "C:\\windows\\system32\\services.exe"}
            """);

        result.Format.ShouldBe(EventFormat.NxLog);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2020, 6, 10, 2, 51, 4, 728, TimeSpan.Zero));
        ecsEvent.Event!.Code.ShouldBe("1");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Sysmon");
        ecsEvent.Event.Category.ShouldBe(new[] { "process" });
        ecsEvent.Host!.Name.ShouldBe("DC01.lab.local");
        ecsEvent.Process!.Pid.ShouldBe(2008);
        ecsEvent.Process.Name.ShouldBe("sppsvc.exe");
        ecsEvent.Process.Args.ShouldBe(new[] { @"C:\windows\system32\sppsvc.exe" });
        ecsEvent.Process.ArgsCount.ShouldBe(1);
        ecsEvent.Process.EntityId.ShouldBe("{aaaa0000-1111-2222-3333-444444444444}");
        ecsEvent.Process.WorkingDirectory.ShouldBe(@"C:\windows");
        ecsEvent.Process.Pe!.OriginalFileName.ShouldBe("sppsvc.exe");
        ecsEvent.Process.Hash!.Sha256.ShouldBe("ee55");
        ecsEvent.Process.Parent!.Name.ShouldBe("services.exe");
        ecsEvent.Process.Parent.Pid.ShouldBe(696);
        ecsEvent.Process.Parent.EntityId.ShouldBe("{bbbb0000-1111-2222-3333-444444444444}");
        ecsEvent.Process.Parent.Args.ShouldBe(new[] { @"C:\windows\system32\services.exe" });
        ecsEvent.User!.Name.ShouldBe("NETWORK SERVICE");
        ecsEvent.User.Domain.ShouldBe("NT AUTHORITY");
    }

    [Fact]
    public void NxLog_SecurityWithoutCommandLine()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"EventTime": "2019-12-24 23:52:48", "EventID": 4688, "Channel": "security", "Hostname": "ACCT001",
             "ProcessID": 4, "NewProcessId": "0x454", "NewProcessName": "C:\\Windows\\System32\\wermgr.exe",
             "ProcessId": "0x3e4", "CommandLine": null, "SubjectUserName": "ACCT001$", "SubjectDomainName": "LAB",
             "SubjectUserSid": "S-1-5-18"}
            """);

        result.Format.ShouldBe(EventFormat.NxLog);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2019, 12, 24, 23, 52, 48, TimeSpan.Zero));
        ecsEvent.Event!.Code.ShouldBe("4688");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Security-Auditing");
        ecsEvent.Host!.Name.ShouldBe("ACCT001");
        ecsEvent.Process!.Pid.ShouldBe(0x454);
        ecsEvent.Process.Name.ShouldBe("wermgr.exe");
        ecsEvent.Process.CommandLine.ShouldBeNull();
        ecsEvent.Process.Args.ShouldBeNull();
        ecsEvent.Process.Parent!.Pid.ShouldBe(0x3e4);
        ecsEvent.Process.Parent.Name.ShouldBeNull();
        ecsEvent.User!.Name.ShouldBe("ACCT001$");
        ecsEvent.User.Domain.ShouldBe("LAB");
        ecsEvent.User.Id.ShouldBe("S-1-5-18");
    }

    [Fact]
    public void Azure_SysmonEventDataString()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"TimeGenerated": "2022-05-13T08:54:08.437Z", "Provider": "Microsoft-Windows-Sysmon",
             "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WORKSTATION9", "EventID": 1, "Type": "WindowsEvent",
             "EventData": "{\"UtcTime\":\"2022-05-13T08:54:08.4200000Z\",\"ProcessId\":\"2084\",\"Image\":\"C:\\\\Windows\\\\System32\\\\conhost.exe\",\"CommandLine\":\"\\\\??\\\\C:\\\\Windows\\\\system32\\\\conhost.exe 0xffffffff -ForceV1\",\"ParentProcessId\":\"11\",\"ParentImage\":\"C:\\\\w\\\\powershell.exe\",\"User\":\"NT AUTHORITY\\\\LOCAL SERVICE\"}"}
            """);

        result.Format.ShouldBe(EventFormat.AzureMonitor);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2022, 5, 13, 8, 54, 8, 420, TimeSpan.Zero));
        ecsEvent.Event!.Code.ShouldBe("1");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Sysmon");
        ecsEvent.Host!.Name.ShouldBe("WORKSTATION9");
        ecsEvent.Process!.Pid.ShouldBe(2084);
        ecsEvent.Process.Name.ShouldBe("conhost.exe");
        ecsEvent.Process.Args.ShouldBe(new[] { @"\??\C:\Windows\system32\conhost.exe", "0xffffffff", "-ForceV1" });
        ecsEvent.Process.Parent!.Name.ShouldBe("powershell.exe");
        ecsEvent.Process.Parent.Pid.ShouldBe(11);
        ecsEvent.User!.Name.ShouldBe("LOCAL SERVICE");
    }

    [Fact]
    public void Azure_SysmonEventDataItems()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"TimeGenerated": "2022-05-13T08:54:08Z", "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WS9", "EventID": 1,
             "EventData": "{\"Data\":[{\"@Name\":\"Image\",\"#text\":\"C:\\\\x\\\\tool.exe\"},{\"@Name\":\"ProcessId\",\"#text\":\"77\"},{\"@Name\":\"RuleName\"}]}"}
            """);

        result.Format.ShouldBe(EventFormat.AzureMonitor);
        result.Warnings.ShouldBeEmpty();
        result.Event!.Timestamp.ShouldBe(new DateTimeOffset(2022, 5, 13, 8, 54, 8, TimeSpan.Zero));
        result.Event.Process!.Name.ShouldBe("tool.exe");
        result.Event.Process.Pid.ShouldBe(77);
    }

    [Fact]
    public void Azure_SecurityTopLevelNames()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"TimeGenerated": "2022-05-13T08:54:08.713Z", "Computer": "WORKSTATION9", "EventSourceName": "Microsoft-Windows-Security-Auditing",
             "Channel": "Security", "EventID": 4688, "CommandLine": "whoami /all", "NewProcessId": "0x2e04",
             "NewProcessName": "C:\\Windows\\System32\\whoami.exe", "ParentProcessName": "C:\\Windows\\System32\\cmd.exe",
             "ProcessId": "0x824", "SubjectUserName": "LOCAL SERVICE", "SubjectDomainName": "NT AUTHORITY", "SubjectUserSid": "S-1-5-19"}
            """);

        result.Format.ShouldBe(EventFormat.AzureMonitor);
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2022, 5, 13, 8, 54, 8, 713, TimeSpan.Zero));
        ecsEvent.Event!.Provider.ShouldBe("Microsoft-Windows-Security-Auditing");
        ecsEvent.Host!.Name.ShouldBe("WORKSTATION9");
        ecsEvent.Process!.Pid.ShouldBe(0x2e04);
        ecsEvent.Process.Args.ShouldBe(new[] { "whoami", "/all" });
        ecsEvent.Process.Parent!.Name.ShouldBe("cmd.exe");
        ecsEvent.Process.Parent.Pid.ShouldBe(0x824);
        ecsEvent.User!.Id.ShouldBe("S-1-5-19");
    }

    [Fact]
    public void Azure_EventDataNotJsonWarns()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"TimeGenerated": "2022-05-13T08:54:08Z", "Computer": "WS9", "Channel": "System", "EventID": 7036,
             "EventData": "<DataItem type=\"System.XmlData\"><EventData><Data>x</Data></EventData></DataItem>"}
            """);

        result.Format.ShouldBe(EventFormat.AzureMonitor);
        result.Event!.Event!.Code.ShouldBe("7036");
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Field.ShouldBe("EventData");
        warning.Value.ShouldBe("\"<DataItem type=\\\"System.XmlData\\\"><EventData><Data>x</Da...");
        warning.ExpectedType.ShouldBe("a JSON object or a string that contains one");
    }

    [Fact]
    public void Winlogbeat_SysmonRawDocument()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"@timestamp": "2023-01-02T03:04:05.678Z", "agent": {"name": "collector", "type": "winlogbeat"},
             "host": {"name": "collector"}, "event": {"created": "2023-01-02T03:04:06Z"},
             "winlog": {"channel": "Microsoft-Windows-Sysmon/Operational", "computer_name": "WS01.lab.local",
                        "event_id": "1", "provider_name": "Microsoft-Windows-Sysmon", "record_id": "12",
                        "event_data": {"UtcTime": "2023-01-02 03:04:05.111", "ProcessId": "500", "Image": "C:\\x\\ssh.exe",
                                       "CommandLine": "ssh -L 8080:db:5432 jump", "ParentProcessId": "400",
                                       "ParentImage": "C:\\Windows\\explorer.exe", "User": "LAB\\carol"}}}
            """);

        result.Format.ShouldBe(EventFormat.Winlogbeat);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2023, 1, 2, 3, 4, 5, 111, TimeSpan.Zero));
        ecsEvent.Agent!.Name.ShouldBe("collector");
        ecsEvent.Event!.Created.ShouldBe(new DateTimeOffset(2023, 1, 2, 3, 4, 6, TimeSpan.Zero));
        ecsEvent.Event.Code.ShouldBe("1");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Sysmon");
        ecsEvent.Event.Category.ShouldBe(new[] { "process" });
        ecsEvent.Host!.Name.ShouldBe("WS01.lab.local");
        ecsEvent.Process!.Name.ShouldBe("ssh.exe");
        ecsEvent.Process.Pid.ShouldBe(500);
        ecsEvent.Process.Args.ShouldBe(new[] { "ssh", "-L", "8080:db:5432", "jump" });
        ecsEvent.Process.Parent!.Name.ShouldBe("explorer.exe");
        ecsEvent.User!.Name.ShouldBe("carol");
        ecsEvent.User.Domain.ShouldBe("LAB");
    }

    [Fact]
    public void Winlogbeat_HostNameWithoutComputerName()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"@timestamp": "2023-01-02T03:04:05Z", "host": {"name": "ws02"},
             "winlog": {"channel": "Security", "event_id": 4688, "event_data": {"NewProcessName": "C:\\a.exe", "NewProcessId": "0x1"}}}
            """);

        result.Format.ShouldBe(EventFormat.Winlogbeat);
        result.Event!.Host!.Name.ShouldBe("ws02");
        result.Event.Timestamp.ShouldBe(new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero));
        result.Event.Process!.Pid.ShouldBe(1);
    }

    [Fact]
    public void Winlogbeat_InvalidTimestampWarnsOnce()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"@timestamp": "later", "winlog": {"channel": "Security", "event_id": 4624, "event_data": {"LogonType": "3"}}}
            """);

        result.Format.ShouldBe(EventFormat.Winlogbeat);
        result.Event!.Timestamp.ShouldBeNull();
        result.Event.Event!.Code.ShouldBe("4624");
        FieldWarning warning = result.Warnings.ShouldHaveSingleItem();
        warning.Field.ShouldBe("@timestamp");
    }

    [Fact]
    public void Winlogbeat_WithProcessFieldsIsEcs()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"process": {"name": "ssh.exe"}, "event": {"category": ["process"]},
             "winlog": {"channel": "Security", "event_id": 4688, "event_data": {"NewProcessName": "C:\\other.exe"}}}
            """);

        result.Format.ShouldBe(EventFormat.Ecs);
        result.Event!.Process!.Name.ShouldBe("ssh.exe");
        result.Event.Event!.Code.ShouldBeNull();
    }

    [Fact]
    public void Winlogbeat6_SecurityProcessCreation()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"@timestamp": "2019-03-19T17:15:16.131Z", "event_id": 4688, "log_name": "Security",
             "source_name": "Microsoft-Windows-Security-Auditing", "computer_name": "HR001.lab.com",
             "host": {"name": "WECserver"}, "user": {"name": "SYSTEM", "domain": "NT AUTHORITY"},
             "event_data": {"NewProcessName": "C:\\Windows\\System32\\whoami.exe", "NewProcessId": "0x1a74",
                            "ProcessId": "0xc08", "CommandLine": "\"C:\\Windows\\system32\\whoami.exe\" /user",
                            "ParentProcessName": "C:\\Windows\\System32\\cmd.exe", "SubjectUserName": "dave",
                            "SubjectDomainName": "LAB", "SubjectUserSid": "S-1-5-21-9"}}
            """);

        result.Format.ShouldBe(EventFormat.Winlogbeat6);
        result.Warnings.ShouldBeEmpty();
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2019, 3, 19, 17, 15, 16, 131, TimeSpan.Zero));
        ecsEvent.Event!.Code.ShouldBe("4688");
        ecsEvent.Event.Provider.ShouldBe("Microsoft-Windows-Security-Auditing");
        ecsEvent.Host!.Name.ShouldBe("HR001.lab.com");
        ecsEvent.Process!.Pid.ShouldBe(0x1a74);
        ecsEvent.Process.Args.ShouldBe(new[] { @"C:\Windows\system32\whoami.exe", "/user" });
        ecsEvent.Process.Parent!.Pid.ShouldBe(0xc08);
        ecsEvent.Process.Parent.Name.ShouldBe("cmd.exe");
        ecsEvent.User!.Name.ShouldBe("dave");
        ecsEvent.User.Domain.ShouldBe("LAB");
    }

    [Fact]
    public void Winlogbeat6_SysmonProcessCreate()
    {
        EventReadResult result = EventLines.ReadSingle("""
            {"@timestamp": "2019-03-19T17:15:16.131Z", "event_id": 1, "log_name": "Microsoft-Windows-Sysmon/Operational",
             "source_name": "Microsoft-Windows-Sysmon", "computer_name": "IT001.lab.com",
             "event_data": {"UtcTime": "2019-03-19 17:15:16.129", "ProcessId": "5936", "Image": "C:\\Windows\\System32\\whoami.exe",
                            "ParentProcessId": "7644", "ParentImage": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"}}
            """);

        result.Format.ShouldBe(EventFormat.Winlogbeat6);
        EcsEvent ecsEvent = result.Event!;
        ecsEvent.Timestamp.ShouldBe(new DateTimeOffset(2019, 3, 19, 17, 15, 16, 129, TimeSpan.Zero));
        ecsEvent.Host!.Name.ShouldBe("IT001.lab.com");
        ecsEvent.Process!.Pid.ShouldBe(5936);
        ecsEvent.Process.Name.ShouldBe("whoami.exe");
        ecsEvent.Process.Parent!.Name.ShouldBe("powershell.exe");
        ecsEvent.Process.Parent.Pid.ShouldBe(7644);
    }
}
