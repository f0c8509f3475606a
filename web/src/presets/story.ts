// An English story written for this project (no copyright concerns; free to use with the code).
// About 8,000 characters of plain prose: enough for a small model to learn spelling, common words and
// punctuation within a minute, small enough that a teacher can show overfitting on the validation curve.
export const STORY = `The Lamplighter of Harrow Street

Every evening at a quarter past six, when the sky over the river turned the colour of weak tea, Edith Marrow took her ladder and her brass pole and went out to light the lamps of Harrow Street. There were forty-one lamps. She knew each of them by name, though the names were her own and she had never told them to anyone. The first lamp, by the baker's shop, was called Patience, because its wick was slow to catch. The second was called Rook, because a rook had once built a nest on top of it and refused to leave for a whole spring.

The town had talked for years about electric lights. A man from the council came every autumn with a folder of drawings and stood in the square explaining how the new lamps would switch on by themselves, all at once, without anyone climbing anything. People nodded and said it sounded very modern. Then the man went home, the folder went into a drawer, and Edith went on climbing.

She did not mind. She liked the work. She liked the smell of the oil and the small sound the flame made when it took hold, a sound like a word said under the breath. She liked the way the street changed behind her as she went, one circle of yellow light after another, until the whole length of it was a row of small suns and the dark sat politely between them.

Most of all she liked the people she met on the way. Mr. Pell, who mended clocks, always came to his door when she reached lamp number nine, and always said the same thing: "Right on time, Miss Marrow. Better than any of mine." The children from the school on the corner followed her for a while and counted the lamps out loud, and lost count somewhere after twenty, and argued about it, and went home. A grey cat watched her from the wall of the churchyard and never once came closer than the length of the ladder.

One winter the river froze. It had not frozen in living memory, and the town did not quite know what to do with it. The ferry stopped. The ducks walked about on the ice looking offended. On the third night of the cold, Edith found that the oil in her can had turned thick and slow, and the wicks would not take the flame. She stood under Patience for a long time, striking match after match, and the street behind her stayed dark.

It was Mr. Pell who came out first. He did not say "Right on time." He looked at the dark lamp and at the cold matches on the cobbles and went back inside without a word. Edith thought he was annoyed. But a minute later he came back with a small copper pot and a spirit burner, the kind he used for warming glue, and he held the can of oil over the little blue flame until it ran clear again.

"There," he said. "Try now."

The wick caught at once. Patience had never lit so quickly in her life.

By the time they reached lamp number nine, there were four of them. The baker had come out with a lantern, and two of the older children had come to carry the matches and argue about the count. By lamp number twenty there were eleven, and someone had brought a flask of something hot, and the grey cat was walking beside the ladder as if it had always done so. They lit the whole street together, warming the oil at every lamp, and when they reached the last one, by the bridge, they stood and looked back at the long row of lights on the frozen river, and nobody said anything for a while.

The man from the council came again the next autumn. This time he did not bring a folder. He brought a letter, which said that the electric lamps would be put in before Christmas, and that the town thanked Miss Edith Marrow for her many years of service. He read it out in the square. People clapped, because it seemed the thing to do, and then they looked at Edith, because nobody knew what she would say.

She said that she thought it was a very good idea. She said that electric lamps would not freeze, and would not need a ladder, and would not keep anyone out in the rain. All of that was true. Then she went home and sat by the window until it was a quarter past six, and found that she did not know what to do with her hands.

The new lamps were put in during the first week of December. They were tall and thin and made of grey metal, and they came on all at once at dusk with a faint click that you could only hear if you stood right underneath. They were very bright. You could read a newspaper by them. The children tried to count them as they came on and found that there was nothing to count, because they all came on together.

On the first evening, Edith walked the length of Harrow Street without her ladder. It felt strange, like walking without a coat. She stopped at the place where Patience had stood and found that the new lamp was just a lamp, with no name and no slow wick. At number nine, Mr. Pell came to his door out of habit, and then stood there not knowing what to say, and in the end said, "Well," and went back in.

It was the children who fixed it, in the end. They came to her door a week later with a list. They had given every new lamp a name. Some of the names were silly and some were very serious, and one lamp was called Edith, which made her laugh so hard that she had to sit down. They asked if she would walk the street with them in the evening and tell them which lamp was which, since they could not remember all forty-one.

So she did. Every evening at a quarter past six, when the lamps came on all at once with their small click, Edith Marrow walked the length of Harrow Street with a crowd of children behind her, and named the lamps one by one. Patience. Rook. The Baker. Number Nine. The Cat. Edith. The children counted, and lost count, and argued about it, and went home.

Mr. Pell said it was the most punctual thing in town.

Years later, when the children had grown up and some of them had children of their own, people still called the lamps by those names. Visitors found it odd. They would ask why the lamp by the bakery was called Patience, when it came on as quickly as all the others, and someone would always start to tell them about the winter the river froze. The story got longer every time it was told. In some versions the ice was thick enough to drive a cart across. In others the grey cat carried the matches. Edith, who was very old by then, never corrected any of them.

"A story is like a lamp," she said once, when somebody asked her which version was true. "It doesn't matter how it's lit. It matters that somebody keeps lighting it."

Then she looked out of the window, and it was a quarter past six, and all down Harrow Street the lights came on.
`;
