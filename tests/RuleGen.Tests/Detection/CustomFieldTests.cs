using System.IO;
using System.Linq;
using RuleGen.Ecs;
using RuleGen.Events;
using static RuleGen.Tests.Detection.TestEvents;

namespace RuleGen.Tests.Detection;

// Rules/endpoint.schema.json declares Elastic Defend fields that ECS lacks; detectors read them from CustomFields.
public class CustomFieldTests
{
    [Fact]
    public void CustomFields_SetInCode()
    {
        var detector = new CustomFieldsDetector();

        Fires(detector, Process("a.exe").WithCustomField("process.Ext.token.integrity_level_name", "High").WithCustomField("process.Ext.relative_file_creation_time", 12.5)).ShouldBeTrue();
        Fires(detector, Process("a.exe").WithCustomField("process.Ext.token.integrity_level_name", "medium").WithCustomField("process.Ext.relative_file_creation_time", 12.5)).ShouldBeFalse();
        Fires(detector, Process("a.exe").WithCustomField("process.Ext.token.integrity_level_name", "high")).ShouldBeFalse();
    }

    // app.version is declared as a version field, which orders by Semantic Versioning, not as text.
    [Fact]
    public void VersionField_OrdersBySemver()
    {
        var detector = new VersionGreaterDetector();

        Fires(detector, Process("a.exe").WithCustomField("app.version", "1.11.3")).ShouldBeTrue();
        Fires(detector, Process("a.exe").WithCustomField("app.version", "1.5.0")).ShouldBeFalse();
        Fires(detector, Process("a.exe").WithCustomField("app.version", "1.5.0-rc.1")).ShouldBeFalse();
        Fires(detector, Process("a.exe")).ShouldBeFalse();
    }

    [Fact]
    public void CustomFields_ReadFromJson()
    {
        const string json = """{"event": {"category": ["process"]}, "process": {"name": "a.exe", "Ext": {"token": {"integrity_level_name": "high"}, "relative_file_creation_time": 40}}}""";
        using var reader = new JsonLinesEventReader(new StringReader(json));
        EcsEvent e = reader.ReadAll().Single().Event!;

        e.CustomFields!["process.Ext.relative_file_creation_time"].ShouldBeOfType<long>().ShouldBe(40L);
        Fires(new CustomFieldsDetector(), e).ShouldBeTrue();
    }

    [Fact]
    public void CustomFields_AnyElementOfArray()
    {
        EcsEvent e = Process("a.exe")
            .WithCustomField("process.Ext.token.integrity_level_name", new object[] { "low", "high" })
            .WithCustomField("process.Ext.relative_file_creation_time", "250");

        Fires(new CustomFieldsDetector(), e).ShouldBeTrue();
    }
}
