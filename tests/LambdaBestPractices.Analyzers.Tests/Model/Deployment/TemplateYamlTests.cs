using System;
using System.Text;
using System.Threading;
using LambdaBestPractices.Analyzers.Model.Deployment;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Tests.Model.Deployment;

/// <summary><see cref="TemplateYaml"/>: the YAML subset SAM/CloudFormation templates use, short-form intrinsics, spans, robustness.</summary>
public class TemplateYamlTests
{
    internal const string SamTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Description: >
          Orders service:
          processes orders from a queue.

        Globals:
          Function:
            Runtime: dotnet8
            Timeout: 30 # seconds
            MemorySize: 512

        Parameters:
          Stage:
            Type: String
            AllowedValues: [dev, prod]
            Default: dev

        Conditions:
          IsProd: !Equals [!Ref Stage, prod]

        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: MyApp::MyApp.Functions::Handle
              CodeUri: ./src/MyApp/
              Policies:
                - AWSLambdaBasicExecutionRole
                - SQSPollerPolicy:
                    QueueName: !GetAtt InputQueue.QueueName
                - Statement:
                  - Effect: Allow
                    Action:
                      - dynamodb:PutItem
                    Resource: !Sub "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}"
              Environment:
                Variables:
                  TABLE_NAME: !Ref Table
                  QUEUE_ARN: !GetAtt Queue.Arn
                  QUEUE_URL: !Sub "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q"
                  STAGE: !If [IsProd, production, development]
                  'QUOTED_KEY': "value # not a comment"
              Events:
                Sqs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt InputQueue.Arn
                    BatchSize: 10
                Nightly:
                  Type: Schedule
                  Properties:
                    Schedule: cron(0 2 * * ? *)
                    Enabled: true
                Api:
                  Type: Api
                  Properties:
                    Path: /orders/{id}
                    Method: post

          InputQueue:
            Type: AWS::SQS::Queue
          Queue:
            Type: AWS::SQS::Queue
          Table:
            Type: AWS::Serverless::SimpleTable

        Outputs:
          FunctionArn:
            Value: !GetAtt OrdersFunction.Arn
            Export:
              Name: !Sub '${AWS::StackName}-FunctionArn'
        """;

    [Fact]
    public void SamTemplate_ReadsTheFunction()
    {
        var text = SourceText.From(SamTemplate);
        var root = Parse(text);

        Assert.Equal("2010-09-09", Scalar(root["AWSTemplateFormatVersion"]).Value);
        Assert.True(Scalar(root["AWSTemplateFormatVersion"]).IsQuoted);
        Assert.Equal("Orders service: processes orders from a queue.\n", root["Description"]!.Text);
        Assert.Equal("30", root["Globals"]!["Function"]!["Timeout"]!.Text);
        Assert.False(Scalar(root["Globals"]!["Function"]!["Timeout"]).IsQuoted);

        var allowed = Assert.IsType<TemplateSequence>(root["Parameters"]!["Stage"]!["AllowedValues"]);
        Assert.Equal(new[] { "dev", "prod" }, new[] { allowed.Items[0].Text, allowed.Items[1].Text });

        var equals = Assert.IsType<TemplateSequence>(Intrinsic(root["Conditions"]!["IsProd"], "Fn::Equals"));
        Assert.Equal("Stage", Intrinsic(equals.Items[0], "Ref").Text);
        Assert.Equal("prod", equals.Items[1].Text);

        var function = root["Resources"]!["OrdersFunction"]!;
        Assert.Equal("AWS::Serverless::Function", function["Type"]!.Text);
        var properties = function["Properties"]!;
        var handler = Scalar(properties["Handler"]);
        Assert.Equal("MyApp::MyApp.Functions::Handle", handler.Value);
        Assert.Equal(Line(SamTemplate, "Handler:"), LineOf(text, handler));
        Assert.Equal("MyApp::MyApp.Functions::Handle", text.ToString(handler.Span));

        var policies = Assert.IsType<TemplateSequence>(properties["Policies"]);
        Assert.Equal(3, policies.Items.Count);
        Assert.Equal("AWSLambdaBasicExecutionRole", policies.Items[0].Text);
        Assert.Equal("InputQueue.QueueName", Intrinsic(policies.Items[1]["SQSPollerPolicy"]!["QueueName"], "Fn::GetAtt").Text);
        var statement = Assert.IsType<TemplateSequence>(policies.Items[2]["Statement"]);
        var allow = Assert.Single(statement.Items);
        Assert.Equal("Allow", allow["Effect"]!.Text);
        Assert.Equal("dynamodb:PutItem", Assert.Single(Assert.IsType<TemplateSequence>(allow["Action"]).Items).Text);
        Assert.Equal("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}", Intrinsic(allow["Resource"], "Fn::Sub").Text);

        var variables = properties["Environment"]!["Variables"]!;
        var table = Intrinsic(variables["TABLE_NAME"], "Ref");
        Assert.Equal("Table", table.Text);
        Assert.Equal(Line(SamTemplate, "TABLE_NAME:"), LineOf(text, variables["TABLE_NAME"]!));
        Assert.Equal("!Ref Table", text.ToString(variables["TABLE_NAME"]!.Span));
        Assert.Equal("Queue.Arn", Intrinsic(variables["QUEUE_ARN"], "Fn::GetAtt").Text);
        var sub = Scalar(Intrinsic(variables["QUEUE_URL"], "Fn::Sub"));
        Assert.Equal("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q", sub.Value);
        Assert.True(sub.IsQuoted);
        Assert.Equal(Line(SamTemplate, "QUEUE_URL:"), LineOf(text, sub));
        var stage = Assert.IsType<TemplateSequence>(Intrinsic(variables["STAGE"], "Fn::If"));
        Assert.Equal("IsProd", stage.Items[0].Text);
        Assert.Equal("value # not a comment", variables["QUOTED_KEY"]!.Text);

        var events = properties["Events"]!;
        Assert.Equal("SQS", events["Sqs"]!["Type"]!.Text);
        var queue = events["Sqs"]!["Properties"]!["Queue"]!;
        Assert.Equal("InputQueue.Arn", Intrinsic(queue, "Fn::GetAtt").Text);
        Assert.Equal(Line(SamTemplate, "Queue: !GetAtt InputQueue.Arn"), LineOf(text, queue));
        Assert.Equal("cron(0 2 * * ? *)", events["Nightly"]!["Properties"]!["Schedule"]!.Text);
        Assert.Equal("Schedule", events["Nightly"]!["Type"]!.Text);
        Assert.Equal("/orders/{id}", events["Api"]!["Properties"]!["Path"]!.Text);
        Assert.Equal("post", events["Api"]!["Properties"]!["Method"]!.Text);

        var resources = Assert.IsType<TemplateMap>(root["Resources"]);
        Assert.Equal(new[] { "OrdersFunction", "InputQueue", "Queue", "Table" }, Keys(resources));
        Assert.Equal("${AWS::StackName}-FunctionArn", Intrinsic(root["Outputs"]!["FunctionArn"]!["Export"]!["Name"], "Fn::Sub").Text);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void SamTemplate_WithCrLfAndBom_ReadsTheSameValuesOnTheSameLines()
    {
        var lf = SourceText.From(SamTemplate);
        var crlf = SourceText.From("\uFEFF" + SamTemplate.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        var a = Parse(lf);
        var b = Parse(crlf);

        var handlerA = a["Resources"]!["OrdersFunction"]!["Properties"]!["Handler"]!;
        var handlerB = b["Resources"]!["OrdersFunction"]!["Properties"]!["Handler"]!;
        Assert.Equal(handlerA.Text, handlerB.Text);
        Assert.Equal(LineOf(lf, handlerA), LineOf(crlf, handlerB));
        Assert.Equal("MyApp::MyApp.Functions::Handle", crlf.ToString(handlerB.Span));
        Assert.Equal(a["Description"]!.Text, b["Description"]!.Text);
        Assert.Equal(
            Intrinsic(a["Resources"]!["OrdersFunction"]!["Properties"]!["Environment"]!["Variables"]!["QUEUE_URL"], "Fn::Sub").Text,
            Intrinsic(b["Resources"]!["OrdersFunction"]!["Properties"]!["Environment"]!["Variables"]!["QUEUE_URL"], "Fn::Sub").Text);
        TemplateTree.AssertWellFormed(b, crlf);
    }

    [Theory]
    [InlineData("!Ref X", "Ref")]
    [InlineData("!Condition X", "Condition")]
    [InlineData("!GetAtt X", "Fn::GetAtt")]
    [InlineData("!Sub X", "Fn::Sub")]
    [InlineData("!Join X", "Fn::Join")]
    [InlineData("!Select X", "Fn::Select")]
    [InlineData("!Split X", "Fn::Split")]
    [InlineData("!If X", "Fn::If")]
    [InlineData("!Equals X", "Fn::Equals")]
    [InlineData("!Not X", "Fn::Not")]
    [InlineData("!And X", "Fn::And")]
    [InlineData("!Or X", "Fn::Or")]
    [InlineData("!FindInMap X", "Fn::FindInMap")]
    [InlineData("!Base64 X", "Fn::Base64")]
    [InlineData("!Cidr X", "Fn::Cidr")]
    [InlineData("!ImportValue X", "Fn::ImportValue")]
    [InlineData("!GetAZs X", "Fn::GetAZs")]
    [InlineData("!Transform X", "Fn::Transform")]
    [InlineData("!Foo X", "!Foo")]
    public void ShortFormTag_IsTheLongForm(string value, string key)
    {
        var source = "Key: " + value + "\n";
        var text = SourceText.From(source);
        var tagged = Parse(text)["Key"]!;

        Assert.Equal("X", Intrinsic(tagged, key).Text);
        var entry = Assert.Single(Assert.IsType<TemplateMap>(tagged).Entries);
        Assert.Equal(value, text.ToString(tagged.Span));
        Assert.Equal(value.Substring(0, value.IndexOf(' ')), text.ToString(entry.Key.Span));
        Assert.Equal("X", text.ToString(entry.Value.Span));
    }

    [Fact]
    public void StandardTag_IsDropped()
    {
        var root = Parse("A: !!str 123\nB: ! plain\n");
        Assert.Equal("123", Scalar(root["A"]).Value);
        Assert.Equal("plain", root["B"]!.Text);
    }

    [Fact]
    public void GetAtt_ListForm_AndDottedFormKeptAsWritten()
    {
        var root = Parse("A: !GetAtt [Queue, Arn]\nB: !GetAtt Queue.Arn\nC: !GetAtt\n  - Queue\n  - Arn\n");
        var a = Assert.IsType<TemplateSequence>(Intrinsic(root["A"], "Fn::GetAtt"));
        Assert.Equal(new[] { "Queue", "Arn" }, new[] { a.Items[0].Text, a.Items[1].Text });
        Assert.Equal("Queue.Arn", Intrinsic(root["B"], "Fn::GetAtt").Text);
        var c = Assert.IsType<TemplateSequence>(Intrinsic(root["C"], "Fn::GetAtt"));
        Assert.Equal(new[] { "Queue", "Arn" }, new[] { c.Items[0].Text, c.Items[1].Text });
    }

    [Fact]
    public void Sub_ListFormWithVariables()
    {
        var root = Parse("A: !Sub [ 'arn:${Q}', { Q: !GetAtt Queue.Arn, R: [x] } ]\n");
        var sub = Assert.IsType<TemplateSequence>(Intrinsic(root["A"], "Fn::Sub"));
        Assert.Equal("arn:${Q}", sub.Items[0].Text);
        Assert.Equal("Queue.Arn", Intrinsic(sub.Items[1]["Q"], "Fn::GetAtt").Text);
        Assert.Equal("x", Assert.Single(Assert.IsType<TemplateSequence>(sub.Items[1]["R"]).Items).Text);
    }

    [Fact]
    public void TagOnABlockCollection_OnTheFollowingLines()
    {
        const string Source = """
            Value: !Sub
              - 'a-${B}'
              - B: !Ref Bucket
            Other: !If
              - IsProd
              - !Ref A
              - !Ref AWS::NoValue
            Same: !Join
            - ''
            - [a, b]
            Map: !Transform
              Name: AWS::Include
              Parameters:
                Location: s3://bucket/x.yaml
            """;
        var text = SourceText.From(Source);
        var root = Parse(text);

        var sub = Assert.IsType<TemplateSequence>(Intrinsic(root["Value"], "Fn::Sub"));
        Assert.Equal("a-${B}", sub.Items[0].Text);
        Assert.Equal("Bucket", Intrinsic(sub.Items[1]["B"], "Ref").Text);
        Assert.Equal(0, LineOf(text, root["Value"]!));
        Assert.StartsWith("!Sub", text.ToString(root["Value"]!.Span), StringComparison.Ordinal);
        Assert.EndsWith("!Ref Bucket", text.ToString(root["Value"]!.Span), StringComparison.Ordinal);

        var condition = Assert.IsType<TemplateSequence>(Intrinsic(root["Other"], "Fn::If"));
        Assert.Equal(3, condition.Items.Count);
        Assert.Equal("AWS::NoValue", Intrinsic(condition.Items[2], "Ref").Text);

        var join = Assert.IsType<TemplateSequence>(Intrinsic(root["Same"], "Fn::Join"));
        Assert.Equal(string.Empty, join.Items[0].Text);
        Assert.Equal(2, Assert.IsType<TemplateSequence>(join.Items[1]).Items.Count);

        Assert.Equal("AWS::Include", Intrinsic(root["Map"], "Fn::Transform")["Name"]!.Text);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void TagAtTheRoot_AndInSequenceItems()
    {
        var root = Parse("!If\n  - Cond\n  - a\n  - b\n");
        Assert.Equal(3, Assert.IsType<TemplateSequence>(Intrinsic(root, "Fn::If")).Items.Count);

        var list = Assert.IsType<TemplateSequence>(Parse("- !Ref A\n- !If\n  - C\n  - x\n  - y\n- !Ref\n"));
        Assert.Equal("A", Intrinsic(list.Items[0], "Ref").Text);
        Assert.Equal(3, Assert.IsType<TemplateSequence>(Intrinsic(list.Items[1], "Fn::If")).Items.Count);
        Assert.Equal(string.Empty, Intrinsic(list.Items[2], "Ref").Text);
    }

    [Fact]
    public void NestedIntrinsicsInFlow()
    {
        var root = Parse("A: !Join ['', ['arn:', !Ref 'AWS::Partition', !Select [0, !GetAZs '']]]\nB: !Not [!Condition IsProd]\n");
        var join = Assert.IsType<TemplateSequence>(Intrinsic(root["A"], "Fn::Join"));
        var parts = Assert.IsType<TemplateSequence>(join.Items[1]);
        Assert.Equal("AWS::Partition", Intrinsic(parts.Items[1], "Ref").Text);
        var select = Assert.IsType<TemplateSequence>(Intrinsic(parts.Items[2], "Fn::Select"));
        Assert.Equal("0", select.Items[0].Text);
        Assert.Equal(string.Empty, Intrinsic(select.Items[1], "Fn::GetAZs").Text);
        Assert.Equal("IsProd", Intrinsic(Assert.Single(Assert.IsType<TemplateSequence>(Intrinsic(root["B"], "Fn::Not")).Items), "Condition").Text);
    }

    [Fact]
    public void FlowCollections_OverLines_WithCommentsAndTrailingCommas()
    {
        const string Source = """
            A: [a, b, !Ref C]
            B: { Key: v, K2: [x] , "q": 'r' }
            C: [
              one,   # first
              two words,
              { n: 1 },
            ]
            D: []
            E: {}
            F: [k: v, "j":1]
            G: {a, b: }
            H: [http://example.com/x, a:b]
            """;
        var text = SourceText.From(Source);
        var root = Parse(text);

        var a = Assert.IsType<TemplateSequence>(root["A"]);
        Assert.Equal("C", Intrinsic(a.Items[2], "Ref").Text);
        Assert.Equal("[a, b, !Ref C]", text.ToString(a.Span));
        Assert.Equal("v", root["B"]!["Key"]!.Text);
        Assert.Equal("x", Assert.Single(Assert.IsType<TemplateSequence>(root["B"]!["K2"]).Items).Text);
        Assert.Equal("r", root["B"]!["q"]!.Text);

        var c = Assert.IsType<TemplateSequence>(root["C"]);
        Assert.Equal(3, c.Items.Count);
        Assert.Equal("two words", c.Items[1].Text);
        Assert.Equal(Line(Source, "two words"), LineOf(text, c.Items[1]));
        Assert.Equal("1", c.Items[2]["n"]!.Text);

        Assert.Empty(Assert.IsType<TemplateSequence>(root["D"]).Items);
        Assert.Empty(Assert.IsType<TemplateMap>(root["E"]).Entries);
        var f = Assert.IsType<TemplateSequence>(root["F"]);
        Assert.Equal("v", f.Items[0]["k"]!.Text);
        Assert.Equal("1", f.Items[1]["j"]!.Text);
        Assert.Equal(new[] { "a", "b" }, Keys(Assert.IsType<TemplateMap>(root["G"])));
        Assert.Equal(string.Empty, root["G"]!["b"]!.Text);
        var h = Assert.IsType<TemplateSequence>(root["H"]);
        Assert.Equal("http://example.com/x", h.Items[0].Text);
        Assert.Equal("a:b", h.Items[1].Text);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void BlockScalars()
    {
        const string Source = "Literal: |\n  line one\n    indented\n\n  line three\nStrip: |-\n  text\n\nKeep: |+\n  text\n\n"
            + "Folded: >\n  a\n  b\n\n  c\n    more\n  d\nFoldedStrip: >-\n  x\n  y\nExplicit: |2\n    four\n  two\n"
            + "Code: |\n  def handler(event, context):  # not a comment\n      return 'ok'\nLast: end\n";
        var text = SourceText.From(Source);
        var root = Parse(text);

        Assert.Equal("line one\n  indented\n\nline three\n", root["Literal"]!.Text);
        Assert.True(Scalar(root["Literal"]).IsQuoted);
        Assert.Equal(0, LineOf(text, root["Literal"]!));
        Assert.Equal("text", root["Strip"]!.Text);
        Assert.Equal("text\n\n", root["Keep"]!.Text);
        Assert.Equal("a b\nc\n  more\nd\n", root["Folded"]!.Text);
        Assert.Equal("x y", root["FoldedStrip"]!.Text);
        Assert.Equal("  four\ntwo\n", root["Explicit"]!.Text);
        Assert.Equal("def handler(event, context):  # not a comment\n    return 'ok'\n", root["Code"]!.Text);
        Assert.Equal("end", root["Last"]!.Text);
        Assert.StartsWith("|", text.ToString(root["Code"]!.Span), StringComparison.Ordinal);
        Assert.EndsWith("return 'ok'", text.ToString(root["Code"]!.Span), StringComparison.Ordinal);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void BlockScalar_InASequenceAndEmpty()
    {
        var root = Parse("A:\n  - |\n    x\n  - >-\n    y\n  - z\nB: |\nC: c\n");
        var a = Assert.IsType<TemplateSequence>(root["A"]);
        Assert.Equal(new[] { "x\n", "y", "z" }, new[] { a.Items[0].Text, a.Items[1].Text, a.Items[2].Text });
        Assert.Equal(string.Empty, root["B"]!.Text);
        Assert.Equal("c", root["C"]!.Text);
    }

    [Fact]
    public void Comments()
    {
        const string Source = """
            # header
            A: a#b   # trailing
            B: 'x # y' # trailing
              # indented comment line
            C:    # comment after the key
              D: d
            E: "#not"
            # footer
            """;
        var root = Parse(Source);
        Assert.Equal("a#b", root["A"]!.Text);
        Assert.Equal("x # y", root["B"]!.Text);
        Assert.Equal("d", root["C"]!["D"]!.Text);
        Assert.Equal("#not", root["E"]!.Text);
        Assert.Equal(new[] { "A", "B", "C", "E" }, Keys(Assert.IsType<TemplateMap>(root)));
    }

    [Fact]
    public void QuotesAndEscapes()
    {
        const string Source = """
            A: 'it''s'
            B: "tab\there \"q\" back\\slash \x41 \u00e9 \U0001F600 \/"
            C: "a
              b

              c"
            D: 'x
              y'
            "quoted key": 1
            'single key': 2
            E: "line \
              joined"
            F: ''
            G: ""
            H: plain 'with' "quotes"
            """;
        var text = SourceText.From(Source);
        var root = Parse(text);

        Assert.Equal("it's", root["A"]!.Text);
        Assert.Equal("'it''s'", text.ToString(root["A"]!.Span));
        Assert.Equal("tab\there \"q\" back\\slash A \u00e9 \U0001F600 /", root["B"]!.Text);
        Assert.Equal("a b\nc", root["C"]!.Text);
        Assert.Equal("x y", root["D"]!.Text);
        Assert.Equal("1", root["quoted key"]!.Text);
        Assert.Equal("2", root["single key"]!.Text);
        Assert.Equal("line joined", root["E"]!.Text);
        Assert.True(Scalar(root["F"]).IsQuoted);
        Assert.Equal(string.Empty, root["F"]!.Text);
        Assert.Equal(string.Empty, root["G"]!.Text);
        Assert.Equal("plain 'with' \"quotes\"", root["H"]!.Text);
        TemplateTree.AssertWellFormed(root, text);
    }

    [Fact]
    public void PlainScalar_FoldsContinuationLines()
    {
        var root = Parse("A: one\n  two\n\n  three\nB: b\n");
        Assert.Equal("one two\nthree", root["A"]!.Text);
        Assert.Equal("b", root["B"]!.Text);
    }

    [Fact]
    public void SequenceAtTheKeysIndentation()
    {
        const string Source = """
            Events:
            - a
            - b
            Next: n
            Nested:
              List:
              - Type: SQS
                Properties:
                  Queue: q
              - Type: Api
              After: x
            """;
        var root = Parse(Source);
        var events = Assert.IsType<TemplateSequence>(root["Events"]);
        Assert.Equal(new[] { "a", "b" }, new[] { events.Items[0].Text, events.Items[1].Text });
        Assert.Equal("n", root["Next"]!.Text);
        var list = Assert.IsType<TemplateSequence>(root["Nested"]!["List"]);
        Assert.Equal("q", list.Items[0]["Properties"]!["Queue"]!.Text);
        Assert.Equal("Api", list.Items[1]["Type"]!.Text);
        Assert.Equal("x", root["Nested"]!["After"]!.Text);
    }

    [Fact]
    public void SequenceItems_CompactMappingsAndNestedSequences()
    {
        var text = SourceText.From("-   a: 1\n    b: 2\n- - x\n  - y\n-\n  c: 3\n- \n");
        var list = Assert.IsType<TemplateSequence>(Parse(text));
        Assert.Equal(4, list.Items.Count);
        Assert.Equal(new[] { "a", "b" }, Keys(Assert.IsType<TemplateMap>(list.Items[0])));
        Assert.Equal(2, Assert.IsType<TemplateSequence>(list.Items[1]).Items.Count);
        Assert.Equal("3", list.Items[2]["c"]!.Text);
        Assert.Equal(string.Empty, list.Items[3].Text);
        Assert.Equal(0, list.Span.Start);
        Assert.Equal(3, LineOf(text, list.Items[1].Span.End - 1));
    }

    [Fact]
    public void EmptyValue_IsAnEmptyScalarAtTheKeysEnd()
    {
        var text = SourceText.From("A:\nB: # comment\nC:\n  D:\n");
        var root = Parse(text);
        var a = Scalar(root["A"]);
        Assert.Equal(string.Empty, a.Value);
        Assert.False(a.IsQuoted);
        Assert.Equal(1, a.Span.Start);
        Assert.Equal(1, LineOf(text, root["B"]!));
        Assert.Equal(string.Empty, root["C"]!["D"]!.Text);
        Assert.Equal(3, LineOf(text, root["C"]!["D"]!));
    }

    [Fact]
    public void DuplicateKeys_AreKeptInOrder()
    {
        var map = Assert.IsType<TemplateMap>(Parse("A: 1\nB: 2\nA: 3\n"));
        Assert.Equal(new[] { "A", "B", "A" }, Keys(map));
        Assert.Equal("1", map["A"]!.Text);
    }

    [Fact]
    public void DocumentMarkersDirectivesAnchorsAndAliases()
    {
        const string Source = """
            %YAML 1.2
            ---
            Base: &base
              Runtime: dotnet8
            Copy: *base
            Merged:
              <<: *base
              Name: &name value
            Ref: *name
            ...
            ignored: [
            """;
        var root = Parse(Source);
        Assert.Equal("dotnet8", root["Base"]!["Runtime"]!.Text);
        Assert.Equal("*base", root["Copy"]!.Text);
        Assert.Equal("*base", root["Merged"]!["<<"]!.Text);
        Assert.Equal("value", root["Merged"]!["Name"]!.Text);
        Assert.Equal("*name", root["Ref"]!.Text);
        Assert.Null(root["ignored"]);

        Assert.Equal("text\n", Parse("--- |\n  text\n").Text);
        Assert.Equal("a", Parse("--- # c\nA: a\n---\nB: b\n")["A"]!.Text);
    }

    [Fact]
    public void TabsInValues_AreContent()
    {
        var root = Parse("A:\ta\tb\t\nB: [x,\ty]\n");
        Assert.Equal("a\tb", root["A"]!.Text);
        Assert.Equal(2, Assert.IsType<TemplateSequence>(root["B"]).Items.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only\n# comments\n")]
    [InlineData("---\n")]
    [InlineData("A: 'unterminated\n")]
    [InlineData("A: \"unterminated\nB: b\n")]
    [InlineData("A: \"bad escape \\q\"\n")]
    [InlineData("A:\n  B: b\n C: c\n")]
    [InlineData("A: a\n  B: b\n")]
    [InlineData("A:\n\tB: b\n")]
    [InlineData("\tA: a\n")]
    [InlineData("A: {\n")]
    [InlineData("A: [1,")]
    [InlineData("A: [1, 2")]
    [InlineData("A: [1 2]x\n")]
    [InlineData("A: b: c\n")]
    [InlineData("A: - b\n")]
    [InlineData("? complex\n: value\n")]
    [InlineData("- a\nB: b\n")]
    [InlineData("A: a\n- b\n")]
    [InlineData("A: |x\n  y\n")]
    [InlineData("A: 'x' y\n")]
    [InlineData("  A: a\nB: b\n")]
    public void Malformed_IsNull(string source) => Assert.Null(TemplateYaml.Parse(SourceText.From(source), CancellationToken.None));

    [Theory]
    [InlineData("\0\u0001\u0002\u00ff\ufffd")]
    [InlineData("::::")]
    [InlineData("- - - - -")]
    [InlineData("!!!!")]
    [InlineData("&&& ***")]
    [InlineData("[[[]]]]")]
    [InlineData("{{{}}")]
    [InlineData("'''")]
    [InlineData("\"\\")]
    [InlineData("\"\\U")]
    [InlineData("\"\\UFFFFFFFF\"")]
    [InlineData("\"\\uD800\"")]
    [InlineData("|")]
    [InlineData(">+9\n")]
    [InlineData("A: !")]
    [InlineData("[!")]
    [InlineData("{!Ref : a}")]
    [InlineData("[? ]")]
    [InlineData("\r\r\n\n\r")]
    [InlineData("---\n...\n---")]
    [InlineData("%")]
    [InlineData("A: }\nB: ]")]
    [InlineData("\uFEFF")]
    [InlineData("A:\r  B: |\r    x\r")]
    public void Garbage_DoesNotThrow(string source)
    {
        var text = SourceText.From(source);
        var node = TemplateYaml.Parse(text, CancellationToken.None);
        if (node is not null)
        {
            TemplateTree.AssertWellFormed(node, text);
        }
    }

    [Fact]
    public void DeepNesting_IsNullWithoutOverflow()
    {
        Assert.Null(TemplateYaml.Parse(SourceText.From(new string('[', 10_000)), CancellationToken.None));
        Assert.Null(TemplateYaml.Parse(SourceText.From(new string('[', 10_000) + new string(']', 10_000)), CancellationToken.None));
        Assert.Null(TemplateYaml.Parse(SourceText.From("A: " + new string('{', 10_000)), CancellationToken.None));
        Assert.Null(TemplateYaml.Parse(SourceText.From(Repeat("- ", 10_000) + "x"), CancellationToken.None));
        Assert.Null(TemplateYaml.Parse(SourceText.From(Repeat("!Ref\n", 10_000)), CancellationToken.None));

        var keys = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            keys.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        Assert.Null(TemplateYaml.Parse(SourceText.From(keys.ToString()), CancellationToken.None));

        // 30 levels are fine.
        Assert.NotNull(TemplateYaml.Parse(SourceText.From(new string('[', 30) + new string(']', 30)), CancellationToken.None));
    }

    [Fact]
    public void Cancellation_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TemplateYaml.Parse(SourceText.From(SamTemplate), source.Token));
    }

    [Fact]
    public void Fuzz_TruncationsAndMutations_DoNotThrow() =>
        TemplateTree.Fuzz(
            TemplateYaml.Parse,
            prefixed: new[] { SamTemplate, SamTemplate.Replace("\r\n", "\n").Replace("\n", "\r\n") },
            edited: new[] { SamTemplate },
            interesting: " \t\r\n:-#'\"[]{},!&*|>?%@`\\\0x9");

    private static TemplateNode Parse(string source) => Parse(SourceText.From(source));

    private static TemplateNode Parse(SourceText text) => TemplateTree.ParseRequired(TemplateYaml.Parse, text);

    private static TemplateScalar Scalar(TemplateNode? node) => Assert.IsType<TemplateScalar>(node);

    private static TemplateNode Intrinsic(TemplateNode? node, string key) => TemplateTree.Intrinsic(node, key);

    private static string[] Keys(TemplateMap map)
    {
        var keys = new string[map.Entries.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = map.Entries[i].Key.Value;
        }

        return keys;
    }

    private static int LineOf(SourceText text, TemplateNode node) => TemplateTree.LineOf(text, node.Span.Start);

    private static int LineOf(SourceText text, int position) => TemplateTree.LineOf(text, position);

    private static int Line(string source, string fragment) => TemplateTree.Line(source, fragment);

    private static string Repeat(string value, int count)
    {
        var builder = new StringBuilder(value.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(value);
        }

        return builder.ToString();
    }
}

/// <summary>Checks shared by the template parser tests.</summary>
internal static class TemplateTree
{
    /// <summary>A parser of one format (<see cref="TemplateJson.Parse"/>, <see cref="TemplateYaml.Parse"/>).</summary>
    public delegate TemplateNode? Parser(SourceText text, CancellationToken cancellationToken);

    /// <summary>The root <paramref name="parse"/> reads from <paramref name="text"/>, which must be well-formed input.</summary>
    public static TemplateNode ParseRequired(Parser parse, SourceText text)
    {
        var node = parse(text, CancellationToken.None);
        Assert.NotNull(node);
        return node!;
    }

    /// <summary>Parses <paramref name="source"/>; whatever it gives (null for malformed input) must be a well-formed tree.</summary>
    public static void ParseWellFormed(Parser parse, string source)
    {
        var text = SourceText.From(source);
        var node = parse(text, CancellationToken.None);
        if (node is not null)
        {
            AssertWellFormed(node, text);
        }
    }

    /// <summary>
    /// Every prefix of each of <paramref name="prefixed"/>, and 600 seeded one-character edits (replace, insert, delete with a
    /// character of <paramref name="interesting"/>) of <paramref name="edited"/> in turn: no exception, and any tree is
    /// well-formed.
    /// </summary>
    public static void Fuzz(Parser parse, string[] prefixed, string[] edited, string interesting)
    {
        foreach (var template in prefixed)
        {
            for (var length = 0; length <= template.Length; length++)
            {
                ParseWellFormed(parse, template.Substring(0, length));
            }
        }

        var random = new Random(20240601);
        for (var i = 0; i < 600; i++)
        {
            var template = edited[i % edited.Length];
            var at = random.Next(template.Length);
            var c = interesting[random.Next(interesting.Length)].ToString();
            var mutated = random.Next(3) switch
            {
                0 => template.Remove(at, 1).Insert(at, c),
                1 => template.Insert(at, c),
                _ => template.Remove(at, 1),
            };
            ParseWellFormed(parse, mutated);
        }
    }

    /// <summary>The 0-based line of <paramref name="position"/>.</summary>
    public static int LineOf(SourceText text, int position) => text.Lines.GetLinePosition(position).Line;

    /// <summary>The 0-based line of the first line of <paramref name="source"/> that contains <paramref name="fragment"/>.</summary>
    public static int Line(string source, string fragment)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException("Not in the source: " + fragment, nameof(fragment));
    }

    /// <summary>The one entry of a long-form intrinsic map, after checking its key.</summary>
    public static TemplateNode Intrinsic(TemplateNode? node, string key)
    {
        var map = Assert.IsType<TemplateMap>(node);
        var entry = Assert.Single(map.Entries);
        Assert.Equal(key, entry.Key.Value);
        return entry.Value;
    }

    /// <summary>Every span lies in the text, and every child's (and key's) span inside its parent's.</summary>
    public static void AssertWellFormed(TemplateNode node, SourceText text, int depth = 0)
    {
        Assert.True(depth < 200, "Too deep.");
        Assert.InRange(node.Span.Start, 0, text.Length);
        Assert.InRange(node.Span.End, node.Span.Start, text.Length);
        switch (node)
        {
            case TemplateMap map:
                foreach (var entry in map.Entries)
                {
                    Contains(node, entry.Key);
                    Contains(node, entry.Value);
                    AssertWellFormed(entry.Key, text, depth + 1);
                    AssertWellFormed(entry.Value, text, depth + 1);
                }

                break;
            case TemplateSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Contains(node, item);
                    AssertWellFormed(item, text, depth + 1);
                }

                break;
            default:
                Assert.IsType<TemplateScalar>(node);
                break;
        }
    }

    private static void Contains(TemplateNode parent, TemplateNode child) =>
        Assert.True(
            parent.Span.Start <= child.Span.Start && child.Span.End <= parent.Span.End,
            $"{child.Span} is not inside {parent.Span}");
}
