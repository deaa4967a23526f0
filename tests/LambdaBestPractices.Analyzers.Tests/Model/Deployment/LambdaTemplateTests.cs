using System.Linq;
using System.Threading;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Model.Deployment;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Tests.Model.Deployment;

/// <summary>What the template model reads from a template: functions, handlers, variables, event sources, triggers, SnapStart.</summary>
public class LambdaTemplateTests
{
    [Fact]
    public void SamFunction_ReadsHandlerVariablesEventsAndGlobals()
    {
        var function = Single("""
            Globals:
              Function:
                Runtime: dotnet8
                Environment:
                  Variables:
                    LOG_LEVEL: info
                    TABLE: shared
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Bucket:
                Type: AWS::S3::Bucket
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Orders::Orders.Functions+Inner::Handle
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                  Events:
                    FromQueue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
                    Uploads:
                      Type: S3
                      Properties:
                        Bucket: !Ref Bucket
                        Events: s3:ObjectCreated:*
                    Nightly:
                      Type: ScheduleV2
                  FunctionUrlConfig:
                    AuthType: NONE
            """);

        Assert.Equal("Orders", function.Name);
        Assert.Equal("Orders.Functions.Inner.Handle", function.HandlerName!.QualifiedMethod);
        Assert.Equal("Orders.Functions+Inner", function.HandlerName.MetadataType);
        Assert.Equal(new[] { "LOG_LEVEL", "TABLE" }, function.Variables.Select(v => v.Name).ToArray());
        Assert.IsType<TemplateMap>(function.Variables[1].Value); // the function's own !Ref wins over the Globals literal
        Assert.Equal(EventSources.Sqs | EventSources.S3 | EventSources.EventBridge | EventSources.ApiGateway, function.Sources);
        Assert.Equal(new[] { "Queue", "Bucket" }, function.Triggers.ToArray());
        Assert.True(function.SnapStart);
    }

    [Fact]
    public void PlainFunction_GetsSourcesFromTheResourcesThatConnectIt()
    {
        var function = Single("""
            {
              "Resources": {
                "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "A::A.B::C" } },
                "Stream": { "Type": "AWS::Kinesis::Stream" },
                "Mapping": { "Type": "AWS::Lambda::EventSourceMapping", "Properties": { "FunctionName": { "Ref": "Fn" }, "EventSourceArn": { "Fn::GetAtt": "Stream.Arn" } } },
                "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "Subscription": [ { "Protocol": "lambda", "Endpoint": { "Fn::GetAtt": [ "Fn", "Arn" ] } } ] } },
                "Rule": { "Type": "AWS::Events::Rule", "Properties": { "Targets": [ { "Id": "t", "Arn": { "Fn::GetAtt": [ "Fn", "Arn" ] } } ] } },
                "Alb": { "Type": "AWS::Lambda::Permission", "Properties": { "FunctionName": "Fn", "Principal": "elasticloadbalancing.amazonaws.com" } },
                "Bucket": { "Type": "AWS::S3::Bucket", "Properties": { "NotificationConfiguration": { "LambdaConfigurations": [ { "Event": "s3:ObjectCreated:*", "Function": { "Fn::GetAtt": [ "Fn", "Arn" ] } } ] } } }
              }
            }
            """);

        Assert.Equal(EventSources.Kinesis | EventSources.Sns | EventSources.EventBridge | EventSources.ApplicationLoadBalancer | EventSources.S3, function.Sources);
        Assert.Equal(new[] { "Stream", "Topic", "Rule", "Bucket" }, function.Triggers.ToArray());
        Assert.False(function.SnapStart);
    }

    [Fact]
    public void MappingByArn_AndSubscriptionResource_AreRead()
    {
        var function = Single("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: A::A.B::C
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: !Ref Fn
                  EventSourceArn: arn:aws:sqs:eu-west-1:123456789012:orders
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: lambda
                  Endpoint: !GetAtt Fn.Arn
                  TopicArn: !Ref Topic
            """);

        Assert.Equal(EventSources.Sqs | EventSources.Sns, function.Sources);
    }

    [Fact]
    public void ResourcesOfOtherShapes_AreSkipped()
    {
        var file = Load("/t/template.yaml", """
            Resources:
              NotAFunction:
                Type: AWS::SQS::Queue
              NoProperties:
                Type: AWS::Serverless::Function
              WeirdEvents:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: [not, a, string]
                  Events: [1, 2]
                  Environment: 5
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: { "Fn::Sub": "${Fn}" }
            """);

        var functions = LambdaTemplate.Read(file, CancellationToken.None);

        Assert.Equal(new[] { "NoProperties", "WeirdEvents" }, functions.Select(f => f.Name).ToArray());
        Assert.All(functions, f => Assert.Null(f.HandlerName));
        Assert.All(functions, f => Assert.Empty(f.Variables));
        Assert.All(functions, f => Assert.Equal(EventSources.None, f.Sources));
    }

    [Theory]
    [InlineData("MyApp::MyApp.Functions::Handle", "MyApp", "MyApp.Functions.Handle")]
    [InlineData(" My-App :: MyApp.Outer+Inner :: Run ", "My-App", "MyApp.Outer.Inner.Run")]
    [InlineData("bootstrap", "bootstrap", null)]
    public void HandlerName_ParsesTheRuntimeForms(string handler, string assembly, string? method)
    {
        var name = HandlerName.Parse(handler);

        Assert.NotNull(name);
        Assert.Equal(assembly, name!.Assembly);
        Assert.Equal(method, name.QualifiedMethod);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A::B")]
    [InlineData("A::B::")]
    [InlineData("::B::C")]
    [InlineData("A::B C::D")]
    [InlineData("src/handler.main")]
    public void HandlerName_RejectsOtherForms(string handler) => Assert.Null(HandlerName.Parse(handler));

    [Theory]
    [InlineData("/p/serverless.template", "Template")]
    [InlineData("/p/Template.YAML", "Template")]
    [InlineData("/p/template.yml", "Template")]
    [InlineData("/p/template.json", "Template")]
    [InlineData("/p/aws-lambda-tools-defaults.json", "ToolsDefaults")]
    [InlineData("/p/appsettings.json", "None")]
    [InlineData("/p/template.yaml.bak", "None")]
    public void FileKind_ComesFromTheName(string path, string kind) => Assert.Equal(kind, DeploymentFile.KindOfName(path).ToString());

    [Fact]
    public void DetectedKind_ComesFromTheContent()
    {
        Assert.Equal(DeploymentFileKind.Template, Load("/p/app.yaml", "Resources: {}\n", DeploymentFileKind.Detect).Kind);
        Assert.Equal(DeploymentFileKind.ToolsDefaults, Load("/p/defaults.json", "{ \"function-handler\": \"A::B::C\" }", DeploymentFileKind.Detect).Kind);
    }

    [Fact]
    public void Location_PointsAtTheLineInTheFile()
    {
        var function = Single("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: A::A.B::C\n      Environment:\n        Variables:\n          KEY: value\n");
        var location = function.File.LocationOf(function.Variables[0].KeySpan);

        Assert.Equal(LocationKind.ExternalFile, location.Kind);
        Assert.Equal("/t/template.yaml", location.GetLineSpan().Path);
        Assert.Equal(7, location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(10, location.GetLineSpan().StartLinePosition.Character);
    }

    private static DeployedFunction Single(string template) =>
        Assert.Single(LambdaTemplate.Read(Load("/t/template.yaml", template), CancellationToken.None));

    private static DeploymentFile Load(string path, string text, DeploymentFileKind kind = DeploymentFileKind.Template) =>
        DeploymentFile.Load(new InMemoryAdditionalText(path, text), kind, CancellationToken.None)!;
}
