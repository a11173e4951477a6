import type { Problem } from '../problemSchema'

/**
 * The classic object-oriented prompts beside the parking lot: elevator,
 * vending machine, movie booking and Splitwise. The seeds teach the method
 * (entities, relationships, state machines, named patterns, concurrency);
 * these problems apply it.
 */
export const lldClassicProblems: Problem[] = [
  {
    id: 'elevator-lld',
    title: 'Elevator system (LLD)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Design the classes for a bank of elevators in an office building: hall calls and car buttons, a dispatcher that picks a car, and each car moving through its states safely.',
    functional: [
      'Hall call: up or down button on a floor',
      'Car call: a floor button inside a car',
      'A dispatcher assigns each hall call to one car',
      'Cars stop at requested floors in their direction of travel',
      'Maintenance mode and an emergency stop',
    ],
    nonFunctional: [
      'Doors never open while a car moves',
      'A new dispatch algorithm plugs in without changing the cars',
      'No request is starved, even at the morning peak',
    ],
    scale: [
      'A 50-floor building with 8 cars',
      'Morning peak of about 200 hall calls per minute, mostly up from the lobby',
    ],
    followUps: [
      'Nearest car, or the car already heading that way? Which algorithm and why?',
      'What are the car’s states, and which transitions are illegal?',
      'Two hall calls arrive at once for the last free car. Where is the race?',
      'How would you add express cars that skip floors 2–20?',
      'How do the floor displays learn where each car is?',
    ],
    hints: [
      'A car keeps two sorted sets of stops: those ahead in its direction and those behind.',
      'Separate choosing a car (dispatcher) from moving a car (controller).',
    ],
    checklist: [
      {
        item: 'Entities Building, Floor, ElevatorCar, Door, Request, Dispatcher with relationships',
        kinds: ['entity-box', 'relationship'],
      },
      {
        item: 'Car states: idle, moving up, moving down, doors open, maintenance',
        kinds: ['state-machine-diagram', 'state-pattern'],
      },
      { item: 'Dispatch algorithm as a strategy (nearest car, same direction, zoning)', kinds: ['strategy-pattern'] },
      { item: 'Floor displays and dispatcher observe car position changes', kinds: ['observer-pattern'] },
      { item: 'Stops ordered in the direction of travel (SCAN/LOOK)', kinds: [] },
      { item: 'Assignment of a hall call to a car is atomic', kinds: [] },
    ],
    sources: ['002_166e20fca8cfff70.txt'],
  },
  {
    id: 'vending-machine-lld',
    title: 'Vending machine (LLD)',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Design the classes for a vending machine: the user picks a product, pays with coins, notes or a card, gets the product and their change, or gets their money back.',
    functional: [
      'Show products with price and stock per slot',
      'Accept coins, notes and cards',
      'Dispense the product and return change',
      'Cancel before dispensing and refund everything inserted',
      'Operator restocks products and empties the cash box',
    ],
    nonFunctional: [
      'Never dispenses without full payment, never keeps money without dispensing',
      'Refuses a sale when it cannot make the change',
      'A new payment method needs no change to the machine’s states',
    ],
    scale: ['One machine, about 40 slots, a few hundred sales a day', 'Money held in integer cents'],
    followUps: [
      'What are the machine’s states, and what does each button do in each state?',
      'The product jams after the card was charged. What happens?',
      'How do you decide the change to give with the coins on hand?',
      'How would a fleet of machines report stock to a central service?',
      'Why integer cents rather than floating point?',
    ],
    hints: [
      'Each state decides what insertMoney, select and cancel mean.',
      'Check the change can be made before taking the money for good.',
    ],
    checklist: [
      {
        item: 'Machine states: idle, has money, dispensing, out of service',
        kinds: ['state-pattern', 'state-machine-diagram'],
      },
      { item: 'Entities VendingMachine, Slot, Product, Inventory, CashBox, Payment', kinds: ['entity-box'] },
      { item: 'Payment methods behind one interface (coins, card)', kinds: ['strategy-pattern'] },
      { item: 'Payment objects created by type through a factory', kinds: ['factory-pattern'] },
      { item: 'Change-making algorithm with a refusal when change is impossible', kinds: [] },
      { item: 'Refund path for a failed dispense', kinds: [] },
    ],
    sources: ['002_166e20fca8cfff70.txt'],
  },
  {
    id: 'movie-booking-lld',
    title: 'Movie ticket booking (LLD)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Design the classes and tables for booking cinema seats: browse shows, pick seats on a seat map, hold them while paying, and confirm. Two people must never get the same seat.',
    functional: [
      'List cinemas, screens, movies and shows',
      'Seat map per show with free, held and booked seats',
      'Hold chosen seats for 10 minutes while the user pays',
      'Confirm the booking on payment; release the hold on timeout or cancel',
      'Price by seat type and show time',
    ],
    nonFunctional: [
      'No seat is ever sold twice',
      'A hold that is not paid is released on time',
      'Payment retries never create two bookings',
    ],
    scale: [
      'A city of 200 screens × 5 shows/day × 200 seats = 200K seats a day',
      'A blockbuster opening: thousands of users on one show’s seat map at once',
    ],
    followUps: [
      'Two users click the same seat at once. Walk through both requests.',
      'Hold in Redis with a TTL, or a held_until column? What happens when each fails?',
      'The payment succeeds after the hold expired. What now?',
      'Which tables and indexes back the seat map query?',
      'How would pricing for premium seats and matinees plug in?',
    ],
    hints: ['The seat’s state change must be one conditional write.', 'Store seats per show, not per screen.'],
    checklist: [
      {
        item: 'Entities Cinema, Screen, Seat, Movie, Show, ShowSeat, Booking, Payment with relationships',
        kinds: ['entity-box', 'relationship'],
      },
      {
        item: 'ShowSeat states: free, held, booked, back to free on expiry',
        kinds: ['state-machine-diagram', 'state-pattern'],
      },
      {
        item: 'Seat claimed with a conditional update or version check',
        kinds: ['optimistic-locking', 'pessimistic-locking'],
      },
      { item: 'Pricing as a strategy (seat type, show time)', kinds: ['strategy-pattern'] },
      { item: 'Payment confirmation idempotent (idempotency key)', kinds: ['idempotency-key'] },
      { item: 'Hold expiry enforced by a held_until time or a TTL, checked on confirm', kinds: [] },
      { item: 'Names the check-then-act race on a seat', kinds: [] },
    ],
    sources: ['002_166e20fca8cfff70.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'splitwise-lld',
    title: 'Splitwise expense sharing (LLD)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Design the classes for Splitwise: friends add shared expenses split equally, by exact amounts or by percentages, see who owes whom, and settle up with as few payments as possible.',
    functional: [
      'Create groups and add members',
      'Add an expense paid by one person, split equally, exactly or by percent',
      'Show each member’s balance and who owes whom',
      'Record a settlement payment',
      'Suggest a short list of payments that settles the group',
    ],
    nonFunctional: [
      'Balances always sum to zero within a group',
      'No cent is lost to rounding',
      'A new split type needs no change to Expense',
    ],
    scale: ['Groups of 2–50 members, up to thousands of expenses each', 'Amounts in integer cents'],
    followUps: [
      '100 split three ways: who gets the extra cent?',
      'How do you compute the fewest payments, and is the optimum hard to find?',
      'Store balances, or recompute them from expenses? What about edits?',
      'Two members edit the same expense at once. What happens?',
      'How would you add currencies?',
    ],
    hints: [
      'Net each member to one number first, then match debtors with creditors.',
      'Each split type validates its own input (percentages sum to 100).',
    ],
    checklist: [
      {
        item: 'Entities User, Group, Expense, Split, Balance, Settlement with relationships',
        kinds: ['entity-box', 'relationship'],
      },
      { item: 'Split types as a strategy (equal, exact, percent)', kinds: ['strategy-pattern'] },
      { item: 'Split objects created by type through a factory', kinds: ['factory-pattern'] },
      { item: 'Balances updated with a version check when expenses change', kinds: ['optimistic-locking'] },
      { item: 'Greedy debt simplification: largest debtor pays largest creditor', kinds: [] },
      { item: 'Rounding remainder assigned deterministically so the total matches', kinds: [] },
    ],
    sources: ['002_166e20fca8cfff70.txt'],
  },
]
