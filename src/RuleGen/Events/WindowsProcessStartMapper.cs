using System;
using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>
/// Maps the event data of Sysmon event 1 (process create) and Security event 4688 (a new process has been
/// created) to ECS process start fields. Values that Windows writes as <c>-</c> or an empty string are unknown
/// and stay null.
/// </summary>
internal static class WindowsProcessStartMapper
{
    private const string DecimalProcessId = "a decimal process id";
    private const string HexadecimalProcessId = "a hexadecimal process id such as 0x1948";

    internal static void MapSysmonProcessCreate(WindowsEventData data, EcsEvent target, EventMappingContext context)
    {
        SetProcessStartCategory(target);

        ProcessFields process = target.Process ??= new();
        process.Executable = WindowsFieldValues.KnownValue(data.GetText("Image"));
        process.Name = WindowsFieldValues.FileName(process.Executable);
        SetCommandLine(process, WindowsFieldValues.CommandLineOrNull(data.GetText("CommandLine")));
        process.Pid = ReadProcessId(data, "ProcessId", hexadecimal: false, context);
        process.EntityId = WindowsFieldValues.KnownValue(data.GetText("ProcessGuid"));
        process.WorkingDirectory = WindowsFieldValues.KnownValue(data.GetText("CurrentDirectory"));
        SetPortableExecutableFields(process, data);
        SetHashes(process, WindowsFieldValues.KnownValue(data.GetText("Hashes")));

        string? parentExecutable = WindowsFieldValues.KnownValue(data.GetText("ParentImage"));
        long? parentPid = ReadProcessId(data, "ParentProcessId", hexadecimal: false, context);
        // Sysmon writes "-" for the command line of a parent it does not know.
        string? parentCommandLine = WindowsFieldValues.KnownValue(WindowsFieldValues.CommandLineOrNull(data.GetText("ParentCommandLine")));
        string? parentEntityId = WindowsFieldValues.KnownValue(data.GetText("ParentProcessGuid"));
        if (parentExecutable is not null || parentPid is not null || parentCommandLine is not null || parentEntityId is not null)
        {
            ProcessParentFields parent = process.Parent ??= new();
            parent.Executable = parentExecutable;
            parent.Name = WindowsFieldValues.FileName(parentExecutable);
            parent.Pid = parentPid;
            parent.EntityId = parentEntityId;
            if (parentCommandLine is not null)
            {
                parent.CommandLine = parentCommandLine;
                parent.Args = WindowsCommandLine.Split(parentCommandLine);
                parent.ArgsCount = parent.Args.Length;
            }
        }

        string? account = WindowsFieldValues.KnownValue(data.GetText("User"));
        if (account is not null)
        {
            (string? domain, string name) = WindowsFieldValues.SplitAccount(account);
            SetUser(target, WindowsFieldValues.KnownValue(name), domain, id: null);
        }
    }

    internal static void MapSecurityProcessCreation(WindowsEventData data, EcsEvent target, EventMappingContext context)
    {
        SetProcessStartCategory(target);

        ProcessFields process = target.Process ??= new();
        process.Executable = WindowsFieldValues.KnownValue(data.GetText("NewProcessName"));
        process.Name = WindowsFieldValues.FileName(process.Executable);
        SetCommandLine(process, WindowsFieldValues.CommandLineOrNull(data.GetText("CommandLine")));
        process.Pid = ReadProcessId(data, "NewProcessId", hexadecimal: true, context);

        // ParentProcessName is absent from event versions 0 and 1 and from some version 2 records, so the parent
        // name can be null while its pid is known. ProcessId is the pid of the creator, which is the parent.
        string? parentExecutable = WindowsFieldValues.KnownValue(data.GetText("ParentProcessName"));
        long? parentPid = ReadProcessId(data, "ProcessId", hexadecimal: true, context);
        if (parentExecutable is not null || parentPid is not null)
        {
            ProcessParentFields parent = process.Parent ??= new();
            parent.Executable = parentExecutable;
            parent.Name = WindowsFieldValues.FileName(parentExecutable);
            parent.Pid = parentPid;
        }

        // The Subject is the account that created the process.
        SetUser(
            target,
            WindowsFieldValues.KnownValue(data.GetText("SubjectUserName")),
            WindowsFieldValues.KnownValue(data.GetText("SubjectDomainName")),
            WindowsFieldValues.KnownValue(data.GetText("SubjectUserSid")));
    }

    private static void SetProcessStartCategory(EcsEvent target)
    {
        EventFields eventFields = target.Event ??= new();
        eventFields.Category = new[] { "process" };
        eventFields.Type = new[] { "start" };
    }

    private static void SetCommandLine(ProcessFields process, string? commandLine)
    {
        process.CommandLine = commandLine;
        process.Args = commandLine is null ? null : WindowsCommandLine.Split(commandLine);
        process.ArgsCount = process.Args?.Length;
    }

    private static void SetPortableExecutableFields(ProcessFields process, WindowsEventData data)
    {
        string? originalFileName = WindowsFieldValues.KnownValue(data.GetText("OriginalFileName"));
        string? company = WindowsFieldValues.KnownValue(data.GetText("Company"));
        string? description = WindowsFieldValues.KnownValue(data.GetText("Description"));
        string? product = WindowsFieldValues.KnownValue(data.GetText("Product"));
        string? fileVersion = WindowsFieldValues.KnownValue(data.GetText("FileVersion"));
        if (originalFileName is null && company is null && description is null && product is null && fileVersion is null)
        {
            return;
        }

        ProcessPeFields pe = process.Pe ??= new();
        pe.OriginalFileName = originalFileName;
        pe.Company = company;
        pe.Description = description;
        pe.Product = product;
        pe.FileVersion = fileVersion;
    }

    /// <summary>
    /// Reads Sysmon's <c>Hashes</c> (<c>SHA1=..,MD5=..,SHA256=..,IMPHASH=..</c>, any subset) into
    /// <c>process.hash.*</c> and <c>process.pe.imphash</c>. Hash values are lower-cased, as winlogbeat's Sysmon
    /// module does, so that rules written against its output compare equal.
    /// </summary>
    private static void SetHashes(ProcessFields process, string? hashes)
    {
        if (hashes is null)
        {
            return;
        }

        foreach (string pair in hashes.Split(','))
        {
            int separator = pair.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            string algorithm = pair.Substring(0, separator).Trim();
            string value = pair.Substring(separator + 1).Trim().ToLowerInvariant();
            if (value.Length == 0)
            {
                continue;
            }

            if (algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase))
            {
                (process.Hash ??= new()).Md5 = value;
            }
            else if (algorithm.Equals("SHA1", StringComparison.OrdinalIgnoreCase))
            {
                (process.Hash ??= new()).Sha1 = value;
            }
            else if (algorithm.Equals("SHA256", StringComparison.OrdinalIgnoreCase))
            {
                (process.Hash ??= new()).Sha256 = value;
            }
            else if (algorithm.Equals("IMPHASH", StringComparison.OrdinalIgnoreCase))
            {
                (process.Pe ??= new()).Imphash = value;
            }
        }
    }

    private static void SetUser(EcsEvent target, string? name, string? domain, string? id)
    {
        if (name is null && domain is null && id is null)
        {
            return;
        }

        // A value the record lacks keeps what the target already has, such as top-level user fields of a winlogbeat document.
        UserFields user = target.User ??= new();
        user.Name = name ?? user.Name;
        user.Domain = domain ?? user.Domain;
        user.Id = id ?? user.Id;
    }

    /// <summary>Reads a process id, or returns null when it is missing or unknown. A value that does not parse becomes a warning.</summary>
    private static long? ReadProcessId(WindowsEventData data, string name, bool hexadecimal, EventMappingContext context)
    {
        if (!data.TryGetValue(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string? text = JsonFields.ToText(value)?.Trim();
        if (text is not null && WindowsFieldValues.KnownValue(text) is null)
        {
            return null;
        }

        long id = 0;
        bool parsed = text is not null
            && (hexadecimal ? WindowsFieldValues.TryParseHexId(text, out id) : WindowsFieldValues.TryParseDecimalId(text, out id));
        if (parsed)
        {
            return id;
        }

        context.AddWarning(data.PathOf(name), value, hexadecimal ? HexadecimalProcessId : DecimalProcessId);
        return null;
    }
}
