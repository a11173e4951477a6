import type { BlockEntry } from '../catalogSchema'

/** AI & LLM systems: the blocks of LLM platforms, RAG and agents. The vector database lives in the data stores. */
export const aiLlmBlocks: BlockEntry[] = [
  {
    id: 'ai-gateway',
    name: 'AI gateway',
    aliases: ['LLM gateway', 'LLM proxy', 'LiteLLM', 'Portkey', 'TPM limit', 'token rate limit'],
    group: 'ai-llm',
    icon: 'BrainCircuit',
    card: {
      what: 'The single front door to all model calls: authenticates callers, limits usage in tokens, tracks cost, routes to a model and streams tokens back.',
      when: 'As soon as several teams, tenants or models share LLM access and you need budgets, fallbacks and one place to log every call.',
      tradeoffs:
        'Centralizes control and cost visibility but is one more hop and a critical dependency. Limits must count tokens, not requests. Needs a fallback chain when a provider stalls.',
      numbers:
        'Requests range from ~100 to ~100K tokens, so budget tokens per minute (TPM), not requests. On a primary timeout fall back to a second model, then a canned answer; stream output over SSE.',
    },
    annotation: 'TPM limits',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'AI Gateway Key Decisions' }, '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'model-router',
    name: 'Model router',
    aliases: ['LLM router', 'model routing', 'model cascade', 'complexity classifier'],
    group: 'ai-llm',
    icon: 'Route',
    card: {
      what: 'Classifies each query by difficulty and sends easy ones to a small, cheap, fast model and hard reasoning to a large one.',
      when: 'When most traffic is simple and paying frontier-model prices for all of it would be wasteful, or when tight latency needs a small model.',
      tradeoffs:
        'Large cost savings, but a wrong classification gives a weak answer to a hard question; the classifier itself adds a little latency and needs evaluation.',
      numbers:
        'Routing by complexity cuts LLM spend by about 60–80%. Inline code completion targets < 200 ms p50, so it goes to a small model.',
    },
    annotation: 'small / large',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'AI Gateway Key Decisions' }, '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'semantic-cache',
    name: 'Semantic cache',
    aliases: ['LLM cache', 'prompt cache', 'GPTCache', 'similarity cache'],
    group: 'ai-llm',
    icon: 'DatabaseZap',
    card: {
      what: 'Embeds each prompt and looks for a recent, near-identical question; if the cosine similarity is high enough it returns the stored answer without calling the model.',
      when: 'Many users ask the same things in different words (support, FAQ, search assistants), and model calls dominate cost or latency.',
      tradeoffs:
        'Big savings and millisecond answers on hits, but a threshold set too low returns an answer to a different question; personal or time-sensitive answers must not be shared.',
      numbers:
        'Serve a hit only when similarity > 0.95; saves roughly 30–60% of LLM cost. Often Redis plus a vector index.',
    },
    annotation: 'sim > 0.95',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'AI Gateway Key Decisions' },
      { source: '002_166e20fca8cfff70.txt', section: 'RAG Production Trade-offs' },
    ],
  },
  {
    id: 'rag-pipeline',
    name: 'RAG pipeline',
    aliases: ['RAG', 'retrieval-augmented generation', 'chunker', 'LlamaIndex', 'retrieval pipeline'],
    group: 'ai-llm',
    icon: 'BookOpenText',
    card: {
      what: 'Grounds answers in your documents: chunk and embed them offline; at query time embed the question, fetch the nearest chunks, rerank, and put the best into the prompt.',
      when: 'Answers must use private or fresh data the model never saw, with citations, and fine-tuning would be too slow or costly.',
      tradeoffs:
        'Semantic chunks recall better than fixed-size ones but cost more to build. Adding keyword search (hybrid) raises precision. Retrieved text can carry prompt injection.',
      numbers:
        'Retrieve top-20 by ANN, rerank to top-3, and hard-cap chunk tokens, e.g. an 8K context budget with 4K kept for the answer.',
    },
    annotation: 'top-20 → top-3',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'RAG Production Trade-offs' }],
  },
  {
    id: 'embedding-model',
    name: 'Embedder',
    aliases: ['embedding model', 'embedding service', 'text-embedding-3', 'sentence transformer'],
    group: 'ai-llm',
    icon: 'Binary',
    card: {
      what: 'A model that turns text, code or images into fixed-length vectors so that similar meaning lands close together for ANN search.',
      when: 'Indexing documents for RAG, embedding queries at request time, building semantic caches and agent long-term memory.',
      tradeoffs:
        'Cheap per call next to an LLM, but switching models means re-embedding the whole corpus. Chunking along code or section boundaries (e.g. AST) beats naive splits.',
      numbers:
        'Index offline in batches and incrementally on change (a file-watcher for repos); the query path adds one embedding call before the search.',
    },
    annotation: 'batch + incremental',
    sources: ['002_166e20fca8cfff70.txt'],
  },
  {
    id: 'reranker',
    name: 'Reranker',
    aliases: ['cross-encoder', 'reranking', 're-ranker', 'Cohere Rerank'],
    group: 'ai-llm',
    icon: 'ArrowDownWideNarrow',
    card: {
      what: 'A cross-encoder that scores each query and candidate chunk pair together, reordering the cheap first-stage results so only the best reach the prompt.',
      when: 'Between retrieval and prompt building in RAG, when plain vector similarity puts loosely related chunks on top.',
      tradeoffs:
        'Much better answer quality from fewer tokens, but it runs a model over every candidate, so it adds latency and cost; keep the candidate set small.',
      numbers: 'Rescore about 20 candidates and keep the top 3.',
    },
    annotation: '20 → 3',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'RAG Production Trade-offs' }],
  },
  {
    id: 'llm',
    name: 'LLM',
    aliases: [
      'large language model',
      'model endpoint',
      'foundation model',
      'GPT-4o',
      'Claude',
      'Llama',
      'vLLM',
      'inference server',
    ],
    group: 'ai-llm',
    icon: 'Brain',
    card: {
      what: 'The language model itself, either a hosted provider API or a self-hosted model on GPUs, taking a prompt and returning generated tokens.',
      when: 'The reasoning or generation step of any AI feature: chat, summarization, code, planning inside an agent.',
      tradeoffs:
        'Hosted APIs are quick to adopt but bring per-token cost, rate limits and provider outages; self-hosting gives control but needs GPU capacity. Outputs are non-deterministic.',
      numbers:
        'Expect about 1–3 s per full response; stream tokens so users see output sooner. Context windows run from ~128K to ~1M tokens, by model.',
    },
    annotation: '~1–3 s',
    sources: ['004_883ce214cd1f0ecf.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'agent-loop',
    name: 'Agent loop',
    aliases: ['AI agent', 'ReAct', 'plan-and-execute', 'reasoning engine', 'LangGraph', 'reflection'],
    group: 'ai-llm',
    icon: 'IterationCw',
    card: {
      what: 'An LLM that acts in steps: ReAct alternates thought, tool call and observation until done; plan-and-execute has a planner write the steps and a cheaper executor run them.',
      when: 'Open-ended tasks where the steps are not known upfront (ReAct), or known task shapes that must be cheap and auditable (plan-and-execute).',
      tradeoffs:
        'ReAct adapts but errors compound over long chains. Plan-and-execute is cheaper and its plan is loggable, but brittle when the plan is wrong; add re-planning. Start simple.',
      numbers:
        'Always set a hard max_steps and a cost cap per run; the expensive planner runs once, the small executor once per step.',
    },
    annotation: 'max_steps cap',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'ReAct Pattern (Reason + Act)' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'agent-supervisor',
    name: 'Multi-agent supervisor',
    aliases: ['multi-agent', 'supervisor agent', 'specialist agents', 'orchestrator agent'],
    group: 'ai-llm',
    icon: 'Users',
    card: {
      what: 'A supervisor agent classifies a request and hands it to specialist agents (research, code, QA), each running its own loop with its own tools, then merges their results.',
      when: 'Only when subtasks are truly parallel and independent, when isolating domains stops errors spreading, or when agents need different permissions.',
      tradeoffs:
        'Isolation and least-privilege tools per agent, but far harder to debug: message passing and race conditions between agents. Prefer one agent with many tools first.',
      numbers:
        "Typical shape: 1 supervisor routing to 3 specialists; the supervisor sees only each specialist's final output, not its steps.",
    },
    annotation: '1 + 3 specialists',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Single vs Multi-Agent — When to Escalate' }],
  },
  {
    id: 'agent-memory',
    name: 'Agent memory',
    aliases: ['long-term memory', 'episodic memory', 'context window', 'context engineering', 'session state'],
    group: 'ai-llm',
    icon: 'MemoryStick',
    card: {
      what: 'What an agent remembers: working memory in the prompt, long-term memory embedded in a vector store, and episodic summaries of older turns.',
      when: 'Agents that run for many turns or sessions and would otherwise overflow the context window or forget earlier facts.',
      tradeoffs:
        'A bigger window is not the fix: treat context as a built artifact. Keep durable state in a DB, recent turns verbatim, summarize the rest, inject only relevant memories.',
      numbers:
        'Working context is bounded (~128K–1M tokens, by model). Session state often sits in Redis with durable state in Postgres.',
    },
    annotation: '128K ctx',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Memory Architecture' }, '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'tool-registry',
    name: 'Tool registry / MCP',
    aliases: ['MCP', 'Model Context Protocol', 'tool calling', 'function calling', 'agent tools', 'MCP server'],
    group: 'ai-llm',
    icon: 'Wrench',
    card: {
      what: 'The catalog of tools an agent may call, each described by a JSON schema (name, description, parameters, result), often exposed through MCP servers.',
      when: 'Whenever an agent acts on outside systems (search, tickets, CRM, shell), and per tenant when each customer connects its own accounts.',
      tradeoffs:
        'Clear descriptions decide whether the model picks the right tool. Make tools idempotent, since agents retry, and validate their output before it reaches the model.',
      numbers: 'One registry per tenant with isolated credentials; grant each agent only the few tools its task needs.',
    },
    annotation: 'per tenant',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Tool Design for Agents' }, '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'guardrails',
    name: 'Guardrails & sandbox',
    aliases: [
      'guardrails',
      'sandbox',
      'human-in-the-loop',
      'HITL',
      'prompt injection filter',
      'PII scrubbing',
      'output validation',
    ],
    group: 'ai-llm',
    icon: 'ShieldCheck',
    card: {
      what: 'Safety layers around a model or agent: input checks for injection and PII, output schema checks, scoped tool permissions, sandboxed execution, human approval.',
      when: 'Any agent that runs code or takes real actions, and any app that feeds untrusted user or retrieved text into a prompt.',
      tradeoffs:
        'Each layer adds latency and friction, but skipping them risks injection, data leaks and runaway cost. Require human sign-off for irreversible acts: send, deploy, delete.',
      numbers:
        'Hard stops: max iterations and a cost cap per run or session; sandboxes are network-isolated containers with CPU and memory limits.',
    },
    annotation: 'cost cap / run',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Safety Layers' }, '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'agent-tracing',
    name: 'Agent tracing & evals',
    aliases: [
      'LLM observability',
      'LangSmith',
      'Langfuse',
      'Helicone',
      'Arize Phoenix',
      'RAGAS',
      'LLM evals',
      'golden dataset',
    ],
    group: 'ai-llm',
    icon: 'ScanEye',
    card: {
      what: 'Records every model and tool call of an agent run as spans (input, output, latency, token cost) under a run_id, plus an eval suite scored against a golden dataset.',
      when: 'From day one for any agent or RAG system: without a trace you cannot debug what the agent did, and without evals you cannot catch regressions.',
      tradeoffs:
        'Storage and privacy cost for full prompts, but it exposes compounding hallucinations, looping and the expensive steps. Evals need a maintained golden set.',
      numbers:
        'Attribute token cost to each step; run RAGAS-style evals (faithfulness, answer relevance, context recall) on every deploy.',
    },
    annotation: 'evals per deploy',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Observability for Agents' }],
  },
]
