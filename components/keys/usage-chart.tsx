"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { UsagePoint } from "@/lib/usage/key-usage-series";

export function UsageChart({ data }: { data: UsagePoint[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label="Requests over time, split into successful, client errors and rate limited">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} stroke="#64748b" minTickGap={24} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="#64748b" />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ borderRadius: 8, fontSize: 12 }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="success" name="2xx" stackId="a" fill="#6366f1" isAnimationActive={false} />
          <Bar dataKey="clientError" name="4xx" stackId="a" fill="#f59e0b" isAnimationActive={false} />
          <Bar dataKey="rateLimited" name="429" stackId="a" fill="#ef4444" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
