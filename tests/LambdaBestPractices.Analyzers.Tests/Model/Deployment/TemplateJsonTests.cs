using System;
using System.Text;
using System.Threading;
using LambdaBestPractices.Analyzers.Model.Deployment;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Tests.Model.Deployment;

/// <summary><see cref="TemplateJson"/>: RFC 8259 plus comments, trailing commas and a BOM; spans; robustness.</summary>
public class TemplateJsonTests
{
    internal const string ServerlessTemplate = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Description": "An AWS Serverless Application.",
          "Resources": {
            "Get": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "MyApp::MyApp.Functions::Get",
                "Runtime": "dotnet8",
                "MemorySize": 512,
                "Timeout": 30,
                "Role": null,
                "Policies": [ "AWSLambdaBasicExecutionRole" ],
                "Environment": {
                  "Variables": {
                    "TABLE": { "Ref": "Table" },
                    "QUEUE_ARN": { "Fn::GetAtt": [ "Queue", "Arn" ] },
                    "URL": { "Fn::Sub": "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/" }
                  }
                },
                "Events": {
                  "RootGet": {
                    "Type": "Api",
                    "Properties": { "Path": "/", "Method": "GET" }
                  },
                  "Sqs": {
                    "Type": "SQS",
                    "Properties": { "Queue": { "Fn::GetAtt": [ "InputQueue", "Arn" ] }, "Enabled": true }
                  }
                }
              }
            }
          },
          "Outputs": {
            "ApiURL": {
              "Value": { "Fn::Sub": "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/" }
            }
          }
        }
        """;

    internal const string ToolsDefaults = """
        {
          "Information": [
            "This file provides default values for the deployment wizard inside Visual Studio and the AWS Lambda commands added to the .NET Core CLI.",
            "To learn more about the Lambda commands with the .NET Core CLI execute the following command at the command line in the project root directory.",
            "dotnet lambda help",
            "All the command line options for the Lambda command can be specified in this file."
          ],
          // The profile and region used when deploying.
          "profile": "default",
          "region": "us-west-2",
          "configuration": "Release",
          /* The handler, as Assembly::Type::Method. */
          "function-handler": "MyApp::MyApp.Function::FunctionHandler",
          "function-memory-size": 256,
          "function-timeout": 30,
          "function-runtime": "dotnet8",
          "environment-variables": "A=1;B=2",
        }
        """;

    [Fact]
    public void ServerlessTemplate_ReadsTheFunction()
    {
        var text = SourceText.From(ServerlessTemplate);
        var root = Parse(text);

        var properties = root["Resources"]!["Get"]!["Properties"]!;
        var handler = Assert.IsType<TemplateScalar>(properties["Handler"]);
        Assert.Equal("MyApp::MyApp.Functions::Get", handler.Value);
        Assert.True(handler.IsQuoted);
        Assert.Equal("\"MyApp::MyApp.Functions::Get\"", text.ToString(handler.Span));
        Assert.Equal(Line(ServerlessTemplate, "\"Handler\""), LineOf(text, handler));

        var memory = Assert.IsType<TemplateScalar>(properties["MemorySize"]);
        Assert.Equal("512", memory.Value);
        Assert.False(memory.IsQuoted);
        Assert.Equal("null", properties["Role"]!.Text);
        Assert.False(((TemplateScalar)properties["Role"]!).IsQuoted);

        var variables = properties["Environment"]!["Variables"]!;
        Assert.Equal("Table", TemplateTree.Intrinsic(variables["TABLE"], "Ref").Text);
        var getAtt = Assert.IsType<TemplateSequence>(TemplateTree.Intrinsic(variables["QUEUE_ARN"], "Fn::GetAtt"));
        Assert.Equal(new[] { "Queue", "Arn" }, new[] { getAtt.Items[0].Text, getAtt.Items[1].Text });
        Assert.Equal(Line(ServerlessTemplate, "QUEUE_ARN"), LineOf(text, variables["QUEUE_ARN"]!));
        Assert.Equal("https://${Api}.execute-api.${AWS::Region}.amazonaws.com/", TemplateTree.Intrinsic(variables["URL"], "Fn::Sub").Text);

        var sqs = properties["Events"]!["Sqs"]!["Properties"]!;
        Assert.Equal("InputQueue", ((TemplateSequence)TemplateTree.Intrinsic(sqs["Queue"], "Fn::GetAtt")).Items[0].Text);
        Assert.Equal("true", sqs["Enabled"]!.Text);
        Assert.Equal("GET", properties["Events"]!["RootGet"]!["Properties"]!["Method"]!.Text);

        var resources = Assert.IsType<TemplateMap>(root["Resources"]);
        Assert.Equal('{', text[resources.Span.Start]);
        Assert.Equal('}', text[resources.Span.End - 1]);
        Assert.Equal(0, root.Span.Start);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void ToolsDefaults_WithCommentsAndATrailingComma()
    {
        var text = SourceText.From(ToolsDefaults);
        var root = Parse(text);
        Assert.Equal("MyApp::MyApp.Function::FunctionHandler", root["function-handler"]!.Text);
        Assert.Equal(Line(ToolsDefaults, "function-handler"), LineOf(text, root["function-handler"]!));
        Assert.Equal("256", root["function-memory-size"]!.Text);
        Assert.Equal(4, Assert.IsType<TemplateSequence>(root["Information"]).Items.Count);
        Assert.Equal("A=1;B=2", root["environment-variables"]!.Text);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void CrLfAndBom()
    {
        var source = "\uFEFF" + ServerlessTemplate.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var text = SourceText.From(source);
        var root = Parse(text);
        var handler = root["Resources"]!["Get"]!["Properties"]!["Handler"]!;
        Assert.Equal("MyApp::MyApp.Functions::Get", handler.Text);
        Assert.Equal(Line(ServerlessTemplate, "\"Handler\""), LineOf(text, handler));
        Assert.Equal(1, root.Span.Start);
    }

    [Fact]
    public void StringEscapes()
    {
        var root = Parse("""{"a": "q\"b\\s\/f\bf\fn\nr\rt\tu\u00e9\u20AC", "pair": "\uD83D\uDE00", "lone": "\uD800", "raw": "é😀"}""");
        Assert.Equal("q\"b\\s/f\bf\fn\nr\rt\tu\u00e9\u20AC", root["a"]!.Text);
        Assert.Equal("\U0001F600", root["pair"]!.Text);
        Assert.Equal("\uD800", root["lone"]!.Text);
        Assert.Equal("é😀", root["raw"]!.Text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("12")]
    [InlineData("-3.25")]
    [InlineData("1e10")]
    [InlineData("1.5E-3")]
    [InlineData("2e+7")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    public void NumbersAndLiterals_AreUnquotedScalarsAsWritten(string literal)
    {
        var text = SourceText.From("[ " + literal + " ]");
        var item = Assert.IsType<TemplateScalar>(Assert.Single(Assert.IsType<TemplateSequence>(Parse(text)).Items));
        Assert.Equal(literal, item.Value);
        Assert.False(item.IsQuoted);
        Assert.Equal(literal, text.ToString(item.Span));
    }

    [Fact]
    public void EmptyCollections_TrailingCommas_AndScalarRoots()
    {
        Assert.Empty(Assert.IsType<TemplateMap>(Parse("{}")).Entries);
        Assert.Empty(Assert.IsType<TemplateSequence>(Parse("[ /* nothing */ ]")).Items);
        Assert.Equal(2, Assert.IsType<TemplateSequence>(Parse("[1, 2,]")).Items.Count);
        Assert.Equal("s", Parse(" \"s\" // done").Text);
        var duplicates = Assert.IsType<TemplateMap>(Parse("{\"a\": 1, \"a\": 2}"));
        Assert.Equal(2, duplicates.Entries.Count);
        Assert.Equal("1", duplicates["a"]!.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("// only a comment")]
    [InlineData("/* unterminated")]
    [InlineData("{ /* unterminated }")]
    [InlineData("{")]
    [InlineData("[1,")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\": }")]
    [InlineData("{a: 1}")]
    [InlineData("{\"a\": 1,,}")]
    [InlineData("[,]")]
    [InlineData("\"unterminated")]
    [InlineData("\"line\nbreak\"")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("\"short \\u12\"")]
    [InlineData("{} {}")]
    [InlineData("{} x")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("+1")]
    [InlineData("[1] /")]
    [InlineData("'single'")]
    public void Malformed_IsNull(string source) => Assert.Null(TemplateJson.Parse(SourceText.From(source), CancellationToken.None));

    [Fact]
    public void DeepNesting_IsNullWithoutOverflow()
    {
        Assert.Null(TemplateJson.Parse(SourceText.From(new string('[', 10_000)), CancellationToken.None));
        Assert.Null(TemplateJson.Parse(SourceText.From(new string('[', 10_000) + new string(']', 10_000)), CancellationToken.None));

        var objects = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            objects.Append("{\"a\":");
        }

        Assert.Null(TemplateJson.Parse(SourceText.From(objects.ToString()), CancellationToken.None));
        Assert.NotNull(TemplateJson.Parse(SourceText.From(new string('[', 30) + new string(']', 30)), CancellationToken.None));
    }

    [Fact]
    public void Cancellation_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TemplateJson.Parse(SourceText.From(ServerlessTemplate), source.Token));
    }

    [Fact]
    public void Fuzz_TruncationsAndMutations_DoNotThrow() =>
        TemplateTree.Fuzz(
            TemplateJson.Parse,
            prefixed: new[] { ServerlessTemplate, ToolsDefaults },
            edited: new[] { ServerlessTemplate, ToolsDefaults },
            interesting: " \t\r\n:,\"\\/*[]{}u0e-+.tfnx\0");

    private static TemplateNode Parse(string source) => Parse(SourceText.From(source));

    private static TemplateNode Parse(SourceText text) => TemplateTree.ParseRequired(TemplateJson.Parse, text);

    private static int LineOf(SourceText text, TemplateNode node) => TemplateTree.LineOf(text, node.Span.Start);

    private static int Line(string source, string fragment) => TemplateTree.Line(source, fragment);
}
