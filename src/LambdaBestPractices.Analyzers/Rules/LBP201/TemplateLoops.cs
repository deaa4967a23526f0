using System;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Model.Deployment;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP201 from the deployment files: a write whose target is read from an environment variable (<c>QUEUE_URL</c>) loops
/// when the project's template sets that variable to the resource that triggers the function (<c>QUEUE_URL: !Ref
/// InputQueue</c> next to an SQS event on <c>InputQueue</c>), or, for a Lambda invoke, to the function itself
/// (<c>!Ref OrdersFunction</c>, <c>!GetAtt OrdersFunction.Arn</c>). The variable must say so for every one of the project's
/// functions that sets it and is triggered by that kind of source: where one of them points elsewhere, the rule cannot
/// tell which function runs the write, and stays silent.
/// </summary>
internal static class TemplateLoops
{
    public static TemplateLoop? Find(DeploymentModel deployment, LBP201AvoidRecursiveInvocationLoopsRule.SdkWrite write, string variable)
    {
        TemplateLoop? found = null;
        foreach (var function in deployment.OwnFunctions)
        {
            var invoke = write.Service == LBP201AvoidRecursiveInvocationLoopsRule.Service.Lambda;
            if (!invoke && (function.Sources & write.Source) == 0)
            {
                continue;
            }

            foreach (var setting in function.Variables)
            {
                if (!string.Equals(setting.Name, variable, StringComparison.Ordinal))
                {
                    continue;
                }

                var resource = LambdaTemplate.ReferencedId(setting.Value);
                var loops = resource is not null && (invoke
                    ? string.Equals(resource, function.Name, StringComparison.Ordinal)
                    : function.Triggers.Contains(resource) && IsWrittenResource(function.File, resource, write));
                if (!loops)
                {
                    return null;
                }

                found ??= new TemplateLoop(setting, resource!);
            }
        }

        return found;
    }

    /// <summary>The trigger is a resource of the kind the write writes to (a queue for a send, a bucket for a put, ...).</summary>
    private static bool IsWrittenResource(DeploymentFile file, string resource, LBP201AvoidRecursiveInvocationLoopsRule.SdkWrite write) =>
        (file.Root?["Resources"]?[resource]?["Type"]?.Text, write.Service) switch
        {
            ("AWS::SQS::Queue", LBP201AvoidRecursiveInvocationLoopsRule.Service.Sqs) => true,
            ("AWS::S3::Bucket", LBP201AvoidRecursiveInvocationLoopsRule.Service.S3) => true,
            ("AWS::SNS::Topic", LBP201AvoidRecursiveInvocationLoopsRule.Service.Sns) => true,
            ("AWS::DynamoDB::Table" or "AWS::DynamoDB::GlobalTable", LBP201AvoidRecursiveInvocationLoopsRule.Service.DynamoDB) => true,
            _ => false,
        };
}

/// <summary>The template's setting that makes a write loop, and the resource it names.</summary>
internal sealed class TemplateLoop
{
    public TemplateLoop(DeployedVariable setting, string resource)
    {
        Setting = setting;
        Resource = resource;
    }

    public DeployedVariable Setting { get; }

    public string Resource { get; }

    public Location Location => Setting.File.LocationOf(Setting.KeySpan);

    /// <summary>"set to 'InputQueue' in template.yaml line 12".</summary>
    public string Describe() =>
        $"set to '{Resource}' in {System.IO.Path.GetFileName(Setting.File.Path)} line {Setting.File.LineOf(Setting.KeySpan)}";
}
