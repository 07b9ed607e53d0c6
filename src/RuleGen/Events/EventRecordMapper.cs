using System.Text.Json;
using RuleGen.Ecs;

namespace RuleGen.Events;

/// <summary>Detects the layout of one JSON record and maps it to an <see cref="EcsEvent"/>.</summary>
internal static class EventRecordMapper
{
    internal static (EcsEvent Event, EventFormat Format) Map(JsonElement root, EventMappingContext context)
    {
        EventFormat format = EventFormatDetector.Detect(root);
        var target = new EcsEvent { InputLine = context.Line };

        if (format == EventFormat.Ecs)
        {
            EcsDocumentMapper.Write(target, root, context);
            return (target, format);
        }

        if (format == EventFormat.Winlogbeat)
        {
            // Besides winlog.*, a winlogbeat document already has ECS fields (host, agent, event, log), which are
            // kept unless the Windows mapping sets the same field.
            EcsDocumentMapper.Write(target, root, context, skippedProperty: "winlog");
        }

        WindowsEventRecord record = WindowsEventLayouts.Read(root, format, context);
        WindowsEventMapper.Map(record, target, context);
        return (target, format);
    }
}
