using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TuningJobs.Benchmark;

/// <summary>
/// Plants large tuning jobs in a running local endpoint through its control API (POST /__control/tuning-jobs),
/// shaped like the endpoint's own resnet-sweep-big sample: four tuned hyperparameters, a Minimize metric on most
/// jobs, a few Failed and Stopped ones with a failure reason. Seeded, so every run serves the same bytes.
/// </summary>
public static class Planter
{
    private static readonly DateTimeOffset BaseTime = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static int Plant(string endpointUrl, string name, int count, int seed)
    {
        var body = Build(name, count, seed);
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var response = client.PostAsync(new Uri(new Uri(endpointUrl), "/__control/tuning-jobs"), content).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"Planting {name} failed with {(int)response.StatusCode}: {text}");
        }

        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("trainingJobs").GetInt32();
    }

    public static byte[] Build(string name, int count, int seed)
    {
        var random = new Random(seed);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("status", "Completed");
            writer.WriteString("strategy", "Random");
            writer.WriteStartArray("trainingJobs");
            for (var i = 1; i <= count; i++)
            {
                var jobName = $"{name}-{i:D5}-{random.Next():x8}";
                var status = i % 50 == 25 ? "Failed" : i % 45 == 40 ? "Stopped" : "Completed";
                var created = BaseTime.AddMinutes(i * 3).AddSeconds(random.Next(0, 600)).AddMilliseconds(random.Next(1, 1000));
                var started = created.AddSeconds(random.Next(30, 120)).AddMilliseconds(random.Next(0, 1000));
                var ended = started.AddMinutes(random.Next(5, 60)).AddMilliseconds(random.Next(0, 1000));

                writer.WriteStartObject();
                writer.WriteNumber("CreationTime", created.ToUnixTimeMilliseconds() / 1000m);
                if (status == "Failed")
                {
                    writer.WriteString("FailureReason", "ClientError: Please ensure the data channel 'train' has data.");
                    writer.WriteString("ObjectiveStatus", "Failed");
                }
                else
                {
                    writer.WriteStartObject("FinalHyperParameterTuningJobObjectiveMetric");
                    writer.WriteString("MetricName", "validation:loss");
                    writer.WriteString("Type", "Minimize");
                    writer.WriteNumber("Value", 0.05 + (random.NextDouble() * 1.5));
                    writer.WriteEndObject();
                    writer.WriteString("ObjectiveStatus", "Succeeded");
                }

                writer.WriteNumber("TrainingEndTime", ended.ToUnixTimeMilliseconds() / 1000m);
                writer.WriteString("TrainingJobArn", $"arn:aws:sagemaker:us-east-1:123456789012:training-job/{jobName}");
                writer.WriteString("TrainingJobDefinitionName", "resnet-def");
                writer.WriteString("TrainingJobName", jobName);
                writer.WriteString("TrainingJobStatus", status);
                writer.WriteNumber("TrainingStartTime", started.ToUnixTimeMilliseconds() / 1000m);
                writer.WriteStartObject("TunedHyperParameters");
                writer.WriteString("learning_rate", (0.0001 + (random.NextDouble() * 0.05)).ToString("0.##########", CultureInfo.InvariantCulture));
                writer.WriteString("mini_batch_size", (16 << random.Next(0, 4)).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("momentum", (0.8 + (random.NextDouble() * 0.19)).ToString("0.##########", CultureInfo.InvariantCulture));
                writer.WriteString("optimizer", random.Next(2) == 0 ? "sgd" : "adam");
                writer.WriteEndObject();
                writer.WriteString("TuningJobName", name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
